#include "summarytemplatedialog.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "domain/summarytext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

QString variantText(bool abnormal)
{
    return abnormal ? SummaryTemplateDialog::tr("abnormal results")
                    : SummaryTemplateDialog::tr("normal results");
}

// The preview's client, with values of the template's own test: its analytes, units and
// reference ranges, inside the ranges for a normal template and one outside for an abnormal one.
SummaryContext sampleContext(const QString& testName, bool abnormal,
                             const std::vector<ResultValue>& reference)
{
    SummaryContext context;
    context.clientFirstName = SummaryTemplateDialog::tr("Alex");
    context.clientName = SummaryTemplateDialog::tr("Alex Example");
    context.testName =
        testName.trimmed().isEmpty() ? SummaryTemplateDialog::tr("the test") : testName.trimmed();
    context.receivedAt = QDateTime::currentDateTime();
    context.clinicianName = SummaryTemplateDialog::tr("Dr. Sample");
    context.practiceName = SummaryTemplateDialog::tr("Your practice");
    context.practicePhone = QStringLiteral("+49 761 4567890");
    context.values = SummaryText::sampleValues(context.testName, reference, abnormal);
    return context;
}

} // namespace

SummaryTemplateDialog::SummaryTemplateDialog(Database& database, const Actor& actor,
                                             QWidget* parent)
    : FormDialog(parent)
    , m_templates(database)
    , m_actor(actor)
    , m_templateList(new QListWidget(this))
    , m_new(new QPushButton(tr("&New template"), this))
    , m_delete(new QPushButton(tr("De&lete"), this))
    , m_test(new QComboBox(this))
    , m_variant(new QComboBox(this))
    , m_body(new QPlainTextEdit(this))
    , m_placeholders(new QListWidget(this))
    , m_insert(new QPushButton(tr("&Insert"), this))
    , m_problem(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_changed(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_discard(new QPushButton(tr("Discard changes"), this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("summaryTemplateDialog"));
    setWindowTitle(tr("Summary templates"));
    m_templateList->setObjectName(QStringLiteral("templateList"));
    m_new->setObjectName(QStringLiteral("newTemplate"));
    m_delete->setObjectName(QStringLiteral("deleteTemplate"));
    m_test->setObjectName(QStringLiteral("templateTest"));
    m_variant->setObjectName(QStringLiteral("templateVariant"));
    m_body->setObjectName(QStringLiteral("templateBody"));
    m_placeholders->setObjectName(QStringLiteral("templatePlaceholders"));
    m_insert->setObjectName(QStringLiteral("insertPlaceholder"));
    m_problem->setObjectName(QStringLiteral("templateProblem"));
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_changed->setObjectName(QStringLiteral("templateChanged"));
    m_save->setObjectName(QStringLiteral("saveTemplate"));
    m_discard->setObjectName(QStringLiteral("discardTemplate"));
    m_message->setObjectName(QStringLiteral("templateMessage"));

    m_test->setEditable(true);
    m_variant->addItem(variantText(false), false);
    m_variant->addItem(variantText(true), true);
    m_body->setTabChangesFocus(true);
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    m_save->setDefault(true);
    for (const auto& placeholder : SummaryText::placeholders()) {
        auto* item = new QListWidgetItem(
            QStringLiteral("{%1} — %2").arg(placeholder.key, placeholder.description),
            m_placeholders);
        item->setData(Qt::UserRole, placeholder.key);
    }

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Templates"), left));
    leftLayout->addWidget(m_templateList, 1);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_delete);
    leftLayout->addLayout(listButtons);

    auto* right = new QWidget(this);
    auto* form = new QFormLayout;
    form->addRow(tr("&Test:"), m_test);
    form->addRow(tr("&For:"), m_variant);
    auto* placeholderColumn = new QVBoxLayout;
    placeholderColumn->addWidget(new QLabel(tr("Placeholders"), right));
    placeholderColumn->addWidget(m_placeholders, 1);
    placeholderColumn->addWidget(m_insert);
    auto* editing = new QHBoxLayout;
    auto* bodyColumn = new QVBoxLayout;
    auto* bodyLabel = new QLabel(tr("Te&xt"), right);
    bodyLabel->setBuddy(m_body);
    bodyColumn->addWidget(bodyLabel);
    bodyColumn->addWidget(m_body, 1);
    bodyColumn->addWidget(m_problem);
    editing->addLayout(bodyColumn, 1);
    editing->addLayout(placeholderColumn, 1);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form);
    rightLayout->addLayout(editing, 3);
    rightLayout->addWidget(
        new QLabel(tr("Preview with a sample client and values of this test"), right));
    rightLayout->addWidget(m_preview, 2);
    rightLayout->addWidget(m_changed);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({340, 760});

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_message, 1);
    bottom->addStretch();
    bottom->addWidget(m_discard);
    bottom->addWidget(m_save);
    bottom->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_templateList, &QListWidget::currentRowChanged, this,
            &SummaryTemplateDialog::showTemplate);
    connect(m_new, &QPushButton::clicked, this, &SummaryTemplateDialog::startNew);
    connect(m_delete, &QPushButton::clicked, this, &SummaryTemplateDialog::confirmRemove);
    connect(m_save, &QPushButton::clicked, this, &SummaryTemplateDialog::save);
    connect(m_discard, &QPushButton::clicked, this, &SummaryTemplateDialog::discardChanges);
    connect(m_insert, &QPushButton::clicked, this, &SummaryTemplateDialog::insertPlaceholder);
    connect(m_placeholders, &QListWidget::itemActivated, this,
            &SummaryTemplateDialog::insertPlaceholder);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setUnsavedChangesCheck([this] { return m_dirty && fieldsChanged(); });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            m_dirty = true;
        updateState();
    });
    connect(m_test, &QComboBox::currentTextChanged, this, [this] {
        if (!m_filling)
            m_dirty = true;
        updateState();
    });
    connect(m_variant, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            m_dirty = true;
        updateState();
    });

    reload();
    resize(1100, 680);
}

void SummaryTemplateDialog::reload()
{
    const QString keepTest = isNew() ? m_test->currentText() : m_list[m_current].testName;
    const bool keepAbnormal =
        isNew() ? m_variant->currentData().toBool() : m_list[m_current].abnormal;
    auto templates = m_templates.all();
    if (!templates) {
        m_message->showError(templates.error().message);
        return;
    }
    m_list = std::move(*templates);
    m_filling = true;
    m_templateList->clear();
    for (const SummaryTemplate& t : m_list)
        m_templateList->addItem(tr("%1 · %2").arg(t.testName, variantText(t.abnormal)));
    m_test->clear();
    if (auto names = m_templates.testNames())
        m_test->addItems(*names);
    m_filling = false;
    m_current = -1;
    m_dirty = false;
    if (!select(keepTest, keepAbnormal)) {
        if (m_list.empty())
            startNew();
        else
            m_templateList->setCurrentRow(0);
    }
}

bool SummaryTemplateDialog::select(const QString& testName, bool abnormal)
{
    for (int row = 0; row < int(m_list.size()); ++row) {
        if (m_list[row].testName == testName && m_list[row].abnormal == abnormal) {
            m_templateList->setCurrentRow(row);
            showTemplate(row);
            return true;
        }
    }
    return false;
}

void SummaryTemplateDialog::showTemplate(int row)
{
    if (m_filling || row < 0 || row >= int(m_list.size()))
        return;
    const SummaryTemplate& t = m_list[row];
    m_current = row;
    m_filling = true;
    m_test->setCurrentText(t.testName);
    m_variant->setCurrentIndex(t.abnormal ? 1 : 0);
    m_body->setPlainText(t.body);
    m_filling = false;
    m_dirty = false;
    m_changed->setText(t.updatedAt.isValid()
                           ? tr("Last saved by %1, %2")
                                 .arg(t.updatedByName.isEmpty() ? tr("someone") : t.updatedByName,
                                      appointmentTimeText(t.updatedAt))
                           : tr("Not changed since the practice was set up."));
    m_message->clearMessage();
    updateState();
}

void SummaryTemplateDialog::startNew()
{
    m_current = -1;
    m_filling = true;
    m_templateList->clearSelection();
    m_templateList->setCurrentRow(-1);
    m_test->setCurrentText(QString());
    m_variant->setCurrentIndex(0);
    m_body->setPlainText(tr("Dear {first_name},\n\n\n\n{values}\n\nIf you have any questions, "
                            "call us on {practice_phone}.\n\n{clinician}\n{practice}"));
    m_filling = false;
    m_dirty = true;
    m_changed->setText(tr("A new template: name the test, write the text, save."));
    m_test->setFocus();
    updateState();
}

void SummaryTemplateDialog::insertPlaceholder()
{
    const QListWidgetItem* item = m_placeholders->currentItem();
    if (!item)
        return;
    m_body->insertPlainText(QStringLiteral("{%1}").arg(item->data(Qt::UserRole).toString()));
    m_body->setFocus();
}

void SummaryTemplateDialog::updateState()
{
    const QString body = m_body->toPlainText();
    const QStringList unknown = SummaryText::unknownPlaceholders(body);
    QString problem;
    if (!unknown.isEmpty())
        problem = tr("Not a placeholder: %1. Pick one from the list.")
                      .arg(QStringLiteral("{") + unknown.join(QStringLiteral("}, {")) +
                           QStringLiteral("}"));
    else if (body.trimmed().isEmpty())
        problem = tr("The text is empty.");
    else if (m_test->currentText().trimmed().isEmpty())
        problem = tr("Name the test this template is for.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    const QString testName = m_test->currentText().trimmed();
    if (testName != m_referenceTest) {
        m_referenceTest = testName;
        m_reference = m_templates.referenceValues(testName).value_or(std::vector<ResultValue>());
    }
    m_preview->setPlainText(SummaryText::render(
        body, sampleContext(testName, m_variant->currentData().toBool(), m_reference)));

    m_test->setEnabled(isNew());
    m_variant->setEnabled(isNew());
    m_templateList->setEnabled(!m_dirty);
    m_new->setEnabled(!m_dirty);
    m_delete->setEnabled(!m_dirty && !isNew());
    m_save->setEnabled(m_dirty && problem.isEmpty());
    m_discard->setEnabled(m_dirty);
}

void SummaryTemplateDialog::save()
{
    if (isNew()) {
        SummaryTemplate draft;
        draft.testName = m_test->currentText().trimmed();
        draft.abnormal = m_variant->currentData().toBool();
        draft.body = m_body->toPlainText();
        auto created = m_templates.create(draft, m_actor);
        if (!created) {
            m_message->showError(created.error().message);
            return;
        }
        m_dirty = false;
        reload();
        select(draft.testName, draft.abnormal);
        m_message->showSuccess(tr("Template saved."));
        return;
    }
    SummaryTemplate edited = m_list[m_current];
    edited.body = m_body->toPlainText();
    if (auto done = m_templates.update(edited, m_actor); !done) {
        // The text stays in the editor: nothing typed is lost.
        m_message->showError(done.error().message);
        return;
    }
    m_list[m_current] = edited;
    m_dirty = false;
    reload();
    m_message->showSuccess(tr("Template saved."));
}

void SummaryTemplateDialog::confirmRemove()
{
    if (isNew())
        return;
    const SummaryTemplate& t = m_list[m_current];
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Delete template"),
        tr("Delete the template for %1 (%2)? Summaries already written keep their text.")
            .arg(t.testName, variantText(t.abnormal)),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmDeleteTemplate"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int answer) {
        if (answer == QMessageBox::Yes)
            removeTemplate();
    });
    box->open();
}

void SummaryTemplateDialog::removeTemplate()
{
    if (isNew())
        return;
    const SummaryTemplate removed = m_list[m_current];
    if (auto done = m_templates.remove(removed, m_actor); !done) {
        m_message->showError(done.error().message);
        return;
    }
    m_current = -1;
    reload();
    m_message->showSuccess(
        tr("Template for %1 (%2) deleted.").arg(removed.testName, variantText(removed.abnormal)));
}

void SummaryTemplateDialog::discardChanges()
{
    m_dirty = false;
    reload();
}

} // namespace aftercare::ui
