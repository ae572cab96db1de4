#include "resultdialog.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "resulttrendview.h"
#include "resultvaluetext.h"
#include "summarypdf.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace aftercare::ui {

namespace {

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

ResultDialog::ResultDialog(Database& database, const Actor& actor, ResultId result,
                           const QString& clientName, QWidget* parent)
    : FormDialog(parent)
    , m_results(database)
    , m_templates(database)
    , m_actor(actor)
    , m_clientName(clientName)
{
    setObjectName(QStringLiteral("resultDialog"));
    auto content = m_results.content(result, actor);
    if (!content) {
        m_loadError = content.error().message;
        return;
    }
    m_result = std::move(*content);
    setWindowTitle(tr("%1 — %2").arg(m_result->testName, clientName));

    auto* title = new QLabel(
        QStringLiteral("<b>%1</b> · %2")
            .arg(m_result->testName.toHtmlEscaped(),
                 tr("received %1").arg(appointmentTimeText(m_result->receivedAt)).toHtmlEscaped()),
        this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    title->setFont(big);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("resultStatus"));
    m_status->setWordWrap(true);

    // Left: what the laboratory measured, beside the earlier results.
    auto* left = new QWidget(this);
    m_values = new QTableWidget(left);
    m_values->setObjectName(QStringLiteral("resultValues"));
    m_values->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_values->verticalHeader()->hide();
    m_trend = new ResultTrendView(left);
    m_formal = new QPlainTextEdit(m_result->formalReport, left);
    m_formal->setObjectName(QStringLiteral("resultFormal"));
    m_formal->setReadOnly(true);
    m_formal->setMaximumHeight(72);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_values);
    leftLayout->addWidget(heading(tr("Earlier results of this test"), left));
    leftLayout->addWidget(m_trend, 1);
    leftLayout->addWidget(heading(tr("Laboratory report"), left));
    leftLayout->addWidget(m_formal);

    // Right: what the client is told, and every version of it.
    auto* right = new QWidget(this);
    m_summary = new QPlainTextEdit(m_result->summary, right);
    m_summary->setObjectName(QStringLiteral("resultSummary"));
    m_summary->setTabChangesFocus(true);
    m_summary->setPlaceholderText(
        tr("In plain words: what was measured, what it means, what happens next."));
    m_summaryNote = new QLabel(right);
    m_summaryNote->setObjectName(QStringLiteral("summaryNote"));
    m_summaryNote->setWordWrap(true);
    m_draft = new QPushButton(tr("&Draft from template"), right);
    m_draft->setObjectName(QStringLiteral("draftSummary"));
    m_draft->setToolTip(
        tr("Write the summary from this test's template, with the client's name and values."));
    m_reason = new QLineEdit(right);
    m_reason->setObjectName(QStringLiteral("revisionReason"));
    m_reason->setPlaceholderText(tr("e.g. the laboratory corrected a value"));
    m_reasonLabel = new QLabel(tr("Why does it &change?"), right);
    m_reasonLabel->setBuddy(m_reason);
    m_signOff = new QPushButton(tr("&Sign off summary"), right);
    m_signOff->setObjectName(QStringLiteral("signOffSummary"));
    m_revise = new QPushButton(tr("C&hange summary…"), right);
    m_revise->setObjectName(QStringLiteral("reviseSummary"));
    m_revise->setToolTip(tr("The client was told this summary: a change is kept as a new "
                            "version, with who changed it, when and why."));
    m_saveVersion = new QPushButton(tr("Sign off as &new version"), right);
    m_saveVersion->setObjectName(QStringLiteral("saveSummaryVersion"));
    m_cancelRevision = new QPushButton(tr("Keep the version told"), right);
    m_cancelRevision->setObjectName(QStringLiteral("cancelSummaryRevision"));
    m_versionList = new QListWidget(right);
    m_versionList->setObjectName(QStringLiteral("summaryVersions"));
    m_versionList->setAccessibleName(tr("Versions of the summary"));
    m_versionList->setWordWrap(true);
    m_versionText = new QPlainTextEdit(right);
    m_versionText->setObjectName(QStringLiteral("summaryVersionText"));
    m_versionText->setReadOnly(true);
    m_versionText->setTabChangesFocus(true);

    auto* summaryHeading = new QHBoxLayout;
    summaryHeading->addWidget(heading(tr("Summary for the client"), right));
    summaryHeading->addStretch();
    summaryHeading->addWidget(m_draft);
    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    auto* summaryButtons = new QHBoxLayout;
    summaryButtons->addWidget(m_signOff);
    summaryButtons->addWidget(m_revise);
    summaryButtons->addWidget(m_saveVersion);
    summaryButtons->addWidget(m_cancelRevision);
    summaryButtons->addStretch();
    auto* versions = new QGroupBox(tr("Versions signed off"), right);
    auto* versionsLayout = new QHBoxLayout(versions);
    versionsLayout->addWidget(m_versionList, 1);
    versionsLayout->addWidget(m_versionText, 1);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(summaryHeading);
    rightLayout->addWidget(m_summary, 3);
    rightLayout->addWidget(m_summaryNote);
    rightLayout->addLayout(reasonRow);
    rightLayout->addLayout(summaryButtons);
    rightLayout->addWidget(versions, 2);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({660, 500});

    m_reviewed = new QPushButton(tr("Mark &reviewed"), this);
    m_reviewed->setObjectName(QStringLiteral("markReviewed"));
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("communicatedChannel"));
    m_channel->setAccessibleName(tr("How the client was told"));
    for (const Channel c : allOf<Channel>())
        m_channel->addItem(channelName(c), int(c));
    m_channel->setCurrentIndex(m_channel->findData(int(Channel::Phone)));
    m_communicated = new QPushButton(tr("Mark co&mmunicated"), this);
    m_communicated->setObjectName(QStringLiteral("markCommunicated"));
    auto* pdf = new QPushButton(tr("Client's summary (&PDF)…"), this);
    pdf->setObjectName(QStringLiteral("saveSummaryPdf"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_reviewed);
    actions->addWidget(m_channel);
    actions->addWidget(m_communicated);
    actions->addStretch();
    actions->addWidget(pdf);

    m_message = new MessageLabel(this);
    m_message->setObjectName(QStringLiteral("resultMessage"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_draft, &QPushButton::clicked, this, &ResultDialog::draftFromTemplate);
    connect(m_signOff, &QPushButton::clicked, this, &ResultDialog::signOff);
    connect(m_revise, &QPushButton::clicked, this, &ResultDialog::startRevision);
    connect(m_saveVersion, &QPushButton::clicked, this, &ResultDialog::saveRevision);
    connect(m_cancelRevision, &QPushButton::clicked, this, &ResultDialog::cancelRevision);
    connect(m_versionList, &QListWidget::currentRowChanged, this, &ResultDialog::showVersion);
    connect(m_reviewed, &QPushButton::clicked, this, &ResultDialog::markReviewed);
    connect(m_communicated, &QPushButton::clicked, this, &ResultDialog::markCommunicated);
    connect(pdf, &QPushButton::clicked, this, &ResultDialog::saveSummaryPdf);

    fillValues();
    if (auto earlier = m_results.earlierResults(*m_result, m_actor))
        m_trend->showTrend(*m_result, *earlier);
    else
        m_message->showError(earlier.error().message);
    loadVersions();
    showStatus();
    setUnsavedChangesCheck([this] {
        return fieldsChanged() && m_summary->toPlainText().trimmed() != m_result->summary.trimmed();
    });
    // A result nobody has written about yet opens with the template's draft to adjust.
    if (m_result->summary.trimmed().isEmpty() && !m_result->summarySignedAt.isValid())
        draftFromTemplate();
    resize(1180, 700);
}

bool ResultDialog::hasUnsavedChanges() const
{
    return m_result && m_summary->toPlainText().trimmed() != m_result->summary.trimmed();
}

bool ResultDialog::isRevising() const
{
    return m_revising;
}

void ResultDialog::draftFromTemplate()
{
    auto draft = m_templates.draftSummary(*m_result, m_actor);
    if (!draft) {
        m_message->showInfo(draft.error().message);
        return;
    }
    const QString written = m_summary->toPlainText().trimmed();
    const auto replace = [this, text = *draft] {
        m_summary->setPlainText(text);
        m_summary->setFocus(Qt::OtherFocusReason);
        m_message->showInfo(tr("Drafted from the template. Read it, adjust it for this client, "
                               "then sign it off."));
    };
    if (written.isEmpty() || written == draft->trimmed()) {
        replace();
        return;
    }
    // Written text, signed off or not, is the clinician's work: it goes only when they say so.
    const bool signedText =
        m_result->summarySignedAt.isValid() && written == m_result->summary.trimmed();
    const QString question =
        signedText ? tr("This summary was signed off %1. Replace it with a draft from the "
                        "template? The signed-off version stays kept.")
                         .arg(appointmentTimeText(m_result->summarySignedAt))
                   : tr("Replace the summary written here with a draft from the template? What "
                        "is written here is lost.");
    auto* box = new QMessageBox(QMessageBox::Question, tr("Replace the summary?"), question,
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmReplaceSummary"));
    box->button(QMessageBox::Yes)->setText(tr("Replace with the draft"));
    box->button(QMessageBox::No)->setText(tr("Keep the summary"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, replace](int answer) {
        if (answer == QMessageBox::Yes)
            replace();
        else
            m_message->showInfo(tr("The summary was kept as it was."));
    });
    box->open();
    emit replaceQuestionOpened(box);
}

void ResultDialog::fillValues()
{
    const QStringList headers{tr("Test"), tr("Value"), tr("Unit"), tr("Reference range"),
                              tr("Flag")};
    m_values->setColumnCount(int(headers.size()));
    m_values->setHorizontalHeaderLabels(headers);
    m_values->setRowCount(int(m_result->values.size()));
    int row = 0;
    for (const ResultValue& value : m_result->values) {
        const QStringList cells{
            value.analyte, value.numeric ? ResultValueText::number(*value.numeric) : value.text,
            value.unit, ResultValueText::range(value), ResultValueText::flag(value)};
        const bool outside = ResultValueText::isOutside(value);
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (outside)
                ResultValueText::highlight(item);
            m_values->setItem(row, column, item);
        }
        ++row;
    }
    m_values->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_values->horizontalHeader()->setStretchLastSection(true);
    // Every value in sight without scrolling, up to six; a short result takes little room.
    m_values->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    const int rows = std::min(m_values->rowCount(), 6);
    const int height = m_values->horizontalHeader()->sizeHint().height() +
                       rows * m_values->verticalHeader()->defaultSectionSize() +
                       m_values->horizontalScrollBar()->sizeHint().height() +
                       2 * m_values->frameWidth();
    m_values->setMinimumHeight(height);
    if (m_values->rowCount() <= 6)
        m_values->setMaximumHeight(height);
}

void ResultDialog::loadVersions()
{
    auto versions = m_results.summaryVersions(*m_result, m_actor);
    if (!versions) {
        m_message->showError(versions.error().message);
        return;
    }
    m_versions = std::move(*versions);
    // The version the client was told: the newest signed off before it was communicated.
    int told = -1;
    if (m_result->status == ResultStatus::Communicated)
        for (const SummaryVersion& v : m_versions)
            if (v.signedAt <= m_result->communicatedAt)
                told = v.version;
    m_versionList->clear();
    for (auto it = m_versions.rbegin(); it != m_versions.rend(); ++it) {
        QString line = tr("Version %1 · signed off by %2, %3")
                           .arg(it->version)
                           .arg(it->signedByName.isEmpty() ? tr("someone") : it->signedByName,
                                appointmentTimeText(it->signedAt));
        if (it == m_versions.rbegin())
            line += QStringLiteral(" · ") + tr("current");
        if (it->version == told)
            line += QStringLiteral(" · ") + tr("told to the client");
        if (!it->reason.isEmpty())
            line += QLatin1Char('\n') + tr("Why it changed: %1").arg(it->reason);
        auto* item = new QListWidgetItem(line, m_versionList);
        item->setData(Qt::UserRole, it->version);
    }
    if (m_versions.empty())
        m_versionList->addItem(tr("Not signed off yet."));
    m_versionList->setCurrentRow(0);
}

void ResultDialog::showVersion(int row)
{
    const QListWidgetItem* item = row >= 0 ? m_versionList->item(row) : nullptr;
    const int version = item ? item->data(Qt::UserRole).toInt() : 0;
    for (const SummaryVersion& v : m_versions) {
        if (v.version == version) {
            m_versionText->setPlainText(v.summary);
            return;
        }
    }
    m_versionText->clear();
}

void ResultDialog::showStatus()
{
    const TestResult& r = *m_result;
    QStringList said;
    said << (r.summarySignedAt.isValid()
                 ? tr("Summary signed off %1").arg(appointmentTimeText(r.summarySignedAt))
                 : tr("Summary not signed off"));
    if (r.reviewedAt.isValid())
        said << tr("reviewed %1").arg(appointmentTimeText(r.reviewedAt));
    if (r.communicatedAt.isValid())
        said << tr("communicated %1 by %2")
                    .arg(appointmentTimeText(r.communicatedAt),
                         r.communicatedChannel ? channelName(*r.communicatedChannel) : QString());
    m_status->setText(said.join(QStringLiteral(" · ")));

    const bool communicated = r.status == ResultStatus::Communicated;
    const bool editable = !communicated || m_revising;
    m_summary->setReadOnly(!editable);
    m_draft->setEnabled(editable);
    m_signOff->setVisible(!communicated);
    m_revise->setVisible(communicated && !m_revising);
    m_saveVersion->setVisible(communicated && m_revising);
    m_cancelRevision->setVisible(communicated && m_revising);
    m_reason->setVisible(m_revising);
    m_reasonLabel->setVisible(m_revising);
    if (communicated)
        m_summaryNote->setText(
            m_revising ? tr("The client was told version %1. Write the new text and say why it "
                            "changes: it is kept as version %2, and the earlier one stays "
                            "readable below.")
                             .arg(m_versions.empty() ? 1 : m_versions.back().version)
                             .arg(m_versions.empty() ? 2 : m_versions.back().version + 1)
                       : tr("The client was told this summary %1; it cannot be edited. "
                            "“Change summary…” keeps a change as a new version.")
                             .arg(dateText(r.communicatedAt.date())));
    m_summaryNote->setVisible(communicated);
    m_reviewed->setEnabled(r.status == ResultStatus::Received);
    m_communicated->setEnabled(!communicated);
    m_channel->setEnabled(!communicated);
}

void ResultDialog::signOff()
{
    if (auto done =
            m_results.signOffSummary(*m_result, m_summary->toPlainText().trimmed(), m_actor);
        !done) {
        m_message->showError(done.error().message);
        return;
    }
    m_message->showSuccess(tr("Summary signed off."));
    loadVersions();
    showStatus();
}

void ResultDialog::startRevision()
{
    m_revising = true;
    m_reason->clear();
    showStatus();
    m_summary->setFocus(Qt::OtherFocusReason);
}

void ResultDialog::cancelRevision()
{
    m_revising = false;
    m_summary->setPlainText(m_result->summary);
    m_message->clearMessage();
    showStatus();
}

void ResultDialog::saveRevision()
{
    if (auto done = m_results.reviseSummary(*m_result, m_summary->toPlainText().trimmed(),
                                            m_reason->text(), m_actor);
        !done) {
        m_message->showError(done.error().message);
        if (m_reason->text().trimmed().isEmpty())
            m_reason->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_revising = false;
    loadVersions();
    m_message->showSuccess(tr("Kept as version %1. The client was told an earlier version: "
                              "let them know what changed.")
                               .arg(m_versions.empty() ? 1 : m_versions.back().version));
    showStatus();
}

void ResultDialog::markReviewed()
{
    if (auto done = m_results.markReviewed(*m_result, m_actor); !done) {
        m_message->showError(done.error().message);
        return;
    }
    m_message->showSuccess(tr("Marked reviewed."));
    showStatus();
}

void ResultDialog::markCommunicated()
{
    const auto channel = static_cast<Channel>(m_channel->currentData().toInt());
    if (auto done = m_results.markCommunicated(*m_result, channel, m_actor); !done) {
        m_message->showError(done.error().message);
        return;
    }
    m_message->showSuccess(tr("Marked communicated."));
    loadVersions();
    showStatus();
}

bool ResultDialog::writeSummaryPdf(const QString& path)
{
    if (!SummaryPdf::write(*m_result, m_clientName, path)) {
        m_message->showError(tr("The PDF could not be written to %1.").arg(path));
        return false;
    }
    m_message->showSuccess(tr("Saved %1.").arg(path));
    return true;
}

void ResultDialog::saveSummaryPdf()
{
    auto* dialog =
        new QFileDialog(this, tr("Save the client's summary"), QString(), tr("PDF files (*.pdf)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& path) { writeSummaryPdf(path); });
    dialog->open();
}

} // namespace aftercare::ui
