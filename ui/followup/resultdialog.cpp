#include "resultdialog.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "summarypdf.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

QString channelText(Channel channel)
{
    switch (channel) {
    case Channel::InPerson:
        return ResultDialog::tr("In person");
    case Channel::Phone:
        return ResultDialog::tr("Phone");
    case Channel::Email:
        return ResultDialog::tr("Email");
    case Channel::Sms:
        return ResultDialog::tr("SMS");
    case Channel::Letter:
        return ResultDialog::tr("Letter");
    }
    return {};
}

QString number(const std::optional<double>& value)
{
    return value ? QLocale().toString(*value) : QString();
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

    m_values = new QTableWidget(this);
    m_values->setObjectName(QStringLiteral("resultValues"));
    m_values->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_values->verticalHeader()->hide();
    m_formal = new QPlainTextEdit(m_result->formalReport, this);
    m_formal->setObjectName(QStringLiteral("resultFormal"));
    m_formal->setReadOnly(true);
    m_formal->setMaximumHeight(90);
    m_summary = new QPlainTextEdit(m_result->summary, this);
    m_summary->setObjectName(QStringLiteral("resultSummary"));
    m_summary->setPlaceholderText(
        tr("In plain words: what was measured, what it means, what happens next."));

    m_draft = new QPushButton(tr("&Draft from template"), this);
    m_draft->setObjectName(QStringLiteral("draftSummary"));
    m_draft->setToolTip(
        tr("Write the summary from this test's template, with the client's name and values."));
    m_signOff = new QPushButton(tr("Sign off summary"), this);
    m_signOff->setObjectName(QStringLiteral("signOffSummary"));
    m_reviewed = new QPushButton(tr("Mark reviewed"), this);
    m_reviewed->setObjectName(QStringLiteral("markReviewed"));
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("communicatedChannel"));
    for (const Channel c : allOf<Channel>())
        m_channel->addItem(channelText(c), int(c));
    m_channel->setCurrentIndex(m_channel->findData(int(Channel::Phone)));
    m_communicated = new QPushButton(tr("Mark communicated"), this);
    m_communicated->setObjectName(QStringLiteral("markCommunicated"));
    auto* pdf = new QPushButton(tr("Client's summary (PDF)…"), this);
    pdf->setObjectName(QStringLiteral("saveSummaryPdf"));

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_signOff);
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
    layout->addWidget(m_values, 1);
    layout->addWidget(new QLabel(tr("Laboratory report"), this));
    layout->addWidget(m_formal);
    auto* summaryHeading = new QHBoxLayout;
    summaryHeading->addWidget(new QLabel(tr("Summary for the client"), this));
    summaryHeading->addStretch();
    summaryHeading->addWidget(m_draft);
    layout->addLayout(summaryHeading);
    layout->addWidget(m_summary, 1);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_draft, &QPushButton::clicked, this, &ResultDialog::draftFromTemplate);
    connect(m_signOff, &QPushButton::clicked, this, &ResultDialog::signOff);
    connect(m_reviewed, &QPushButton::clicked, this, &ResultDialog::markReviewed);
    connect(m_communicated, &QPushButton::clicked, this, &ResultDialog::markCommunicated);
    connect(pdf, &QPushButton::clicked, this, &ResultDialog::saveSummaryPdf);
    fillValues();
    showStatus();
    setUnsavedChangesCheck([this] {
        return fieldsChanged() && m_summary->toPlainText().trimmed() != m_result->summary.trimmed();
    });
    // A result nobody has written about yet opens with the template's draft to adjust.
    if (m_result->summary.trimmed().isEmpty() && !m_result->summarySignedAt.isValid())
        draftFromTemplate();
    resize(900, 640);
}

void ResultDialog::draftFromTemplate()
{
    auto draft = m_templates.draftSummary(*m_result, m_actor);
    if (!draft) {
        m_message->showInfo(draft.error().message);
        return;
    }
    m_summary->setPlainText(*draft);
    m_message->showInfo(tr("Drafted from the template. Read it, adjust it for this client, then "
                           "sign it off."));
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
        const bool abnormal =
            value.abnormal.value_or(value.outsideReferenceRange().value_or(false));
        QString range;
        if (value.referenceLow || value.referenceHigh)
            range = tr("%1 – %2").arg(number(value.referenceLow), number(value.referenceHigh));
        const QStringList cells{value.analyte, value.numeric ? number(value.numeric) : value.text,
                                value.unit, range, abnormal ? tr("abnormal") : QString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (abnormal) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setForeground(QColor(0xb0, 0x1c, 0x1c));
                item->setBackground(QColor(0xfd, 0xec, 0xec));
            }
            m_values->setItem(row, column, item);
        }
        ++row;
    }
    m_values->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
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
                         r.communicatedChannel ? channelText(*r.communicatedChannel) : QString());
    m_status->setText(said.join(QStringLiteral(" · ")));
    m_reviewed->setEnabled(r.status == ResultStatus::Received);
    m_communicated->setEnabled(r.status != ResultStatus::Communicated);
    m_channel->setEnabled(r.status != ResultStatus::Communicated);
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
