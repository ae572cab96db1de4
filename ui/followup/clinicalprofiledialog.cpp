#include "clinicalprofiledialog.h"

#include "aftercare/taskreason.h"
#include "clientidentitylabel.h"
#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "resultdialog.h"
#include "resulttrendview.h"
#include "resultvaluetext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

QTreeWidget* tree(const QString& objectName, const QStringList& headers, QWidget* parent)
{
    auto* view = new QTreeWidget(parent);
    view->setObjectName(objectName);
    view->setHeaderLabels(headers);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setStretchLastSection(true);
    return view;
}

QString oneLine(const QString& text)
{
    const QString simplified = text.simplified();
    return simplified.size() > 90 ? simplified.left(88) + QStringLiteral("…") : simplified;
}

} // namespace

ClinicalProfileDialog::ClinicalProfileDialog(Database& database, const Actor& actor,
                                             ClientId client, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_client(client)
{
    setObjectName(QStringLiteral("clinicalProfileDialog"));
    auto profile = ClinicalProfileReader(database).read(client, actor);
    if (!profile) {
        m_loadError = profile.error().message;
        return;
    }
    m_profile = std::move(*profile);
    const Client& c = m_profile->client;
    setWindowTitle(tr("Clinical profile — %1").arg(c.displayName()));

    auto* name = new QLabel(c.displayName(), this);
    name->setObjectName(QStringLiteral("profileClientName"));
    QFont big = name->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    name->setFont(big);
    QStringList contact;
    contact << (c.phone ? c.phone->value() : tr("no phone number"));
    if (c.email)
        contact << c.email->value();
    contact << tr("prefers: %1").arg(contactChannelName(c.preferredChannel));
    auto* reach = new QLabel(contact.join(QStringLiteral(" · ")), this);
    reach->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("profileTabs"));
    m_results = tree(QStringLiteral("profileResults"),
                     {tr("Received"), tr("Test"), tr("Status"), tr("Out of range"),
                      tr("Told / discussed"), tr("Summary")},
                     m_tabs);
    m_calls = tree(QStringLiteral("profileCalls"),
                   {tr("Due"), tr("Task"), tr("Status"), tr("Calls and outcomes")}, m_tabs);
    m_calls->setRootIsDecorated(true);
    m_calls->setUniformRowHeights(false);
    m_feedback = tree(QStringLiteral("profileFeedback"),
                      {tr("Answered"), tr("Question"), tr("Score"), tr("Comment")}, m_tabs);
    m_tabs->addTab(m_results, QString());
    m_tabs->addTab(m_calls, QString());
    m_tabs->addTab(m_feedback, QString());

    m_message = new MessageLabel(this);
    m_message->setObjectName(QStringLiteral("profileMessage"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(name);
    layout->addWidget(new ClientIdentityLabel(c, this));
    layout->addWidget(reach);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_results, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { openResult(m_results->indexOfTopLevelItem(item)); });
    showResults();
    showCalls();
    showFeedback();
    resize(1100, 680);
}

void ClinicalProfileDialog::reload()
{
    auto profile = ClinicalProfileReader(m_database).read(m_client, m_actor);
    if (!profile) {
        m_message->showError(profile.error().message);
        return;
    }
    m_profile = std::move(*profile);
    showResults();
    showCalls();
    showFeedback();
}

void ClinicalProfileDialog::showResults()
{
    m_results->clear();
    for (const DiscussedResult& entry : m_profile->results) {
        const TestResult& r = entry.result;
        QStringList outside;
        for (const ResultValue& value : r.values)
            if (ResultValueText::isOutside(value))
                outside << QStringLiteral("%1 %2").arg(value.analyte, ResultValueText::flag(value));
        QString summary = oneLine(r.summary);
        if (!r.summarySignedAt.isValid())
            summary =
                summary.isEmpty() ? tr("(no summary yet)") : tr("(not signed off) %1").arg(summary);
        auto* item = new QTreeWidgetItem(
            m_results, {dateText(r.receivedAt.date()), r.testName, resultStatusName(r.status),
                        outside.join(QStringLiteral(", ")),
                        ResultTrendView::toldText(r, entry.discussedAt), summary});
        item->setToolTip(5, r.summary);
        if (!outside.isEmpty()) {
            item->setForeground(3, QColor(0xb0, 0x1c, 0x1c));
            QFont bold = item->font(3);
            bold.setBold(true);
            item->setFont(3, bold);
        }
    }
    m_tabs->setTabText(0, tr("&Results (%1)").arg(m_profile->results.size()));
}

void ClinicalProfileDialog::showCalls()
{
    m_calls->clear();
    for (const ClinicalCall& call : m_profile->calls) {
        const FollowUpTask& t = call.task;
        QString status = taskStatusName(t.status);
        if (t.status != TaskStatus::Open && t.doneAt.isValid())
            status += QLatin1Char(' ') + dateText(t.doneAt.date());
        QString settled = call.attempts.empty()
                              ? tr("no call yet")
                              : tr("%n calls", nullptr, int(call.attempts.size()));
        if (!t.resolutionNote.isEmpty())
            settled += QStringLiteral(" · ") + t.resolutionNote;
        auto* item =
            new QTreeWidgetItem(m_calls, {dateText(t.dueAt.date()), call.reason, status, settled});
        item->setToolTip(3, settled);
        for (const CallAttempt& a : call.attempts) {
            QString line =
                callOutcomeName(a.outcome) + QStringLiteral(", ") + callNextStepName(a.nextStep);
            if (!a.notes.isEmpty())
                line += QStringLiteral(": ") + a.notes;
            auto* attempt = new QTreeWidgetItem(
                item, {appointmentTimeText(a.attemptedAt), QString(), QString(), line});
            attempt->setToolTip(3, line);
        }
    }
    m_calls->expandAll();
    m_tabs->setTabText(1, tr("&Calls (%1)").arg(m_profile->calls.size()));
}

void ClinicalProfileDialog::showFeedback()
{
    m_feedback->clear();
    for (const Feedback& f : m_profile->feedback) {
        const bool nps = f.kind() == FeedbackKind::Nps;
        auto* item = new QTreeWidgetItem(
            m_feedback, {dateText(f.respondedAt.date()),
                         nps ? tr("Recommendation (NPS 0–10)") : tr("Satisfaction (CSAT 1–5)"),
                         QString::number(f.score.value()), f.comment});
        if (f.score.isDetractor())
            item->setForeground(2, QColor(0xb0, 0x1c, 0x1c));
    }
    m_tabs->setTabText(2, tr("&Feedback (%1)").arg(m_profile->feedback.size()));
}

void ClinicalProfileDialog::openResult(int row)
{
    if (!m_profile || row < 0 || row >= int(m_profile->results.size()))
        return;
    auto* dialog = new ResultDialog(m_database, m_actor, m_profile->results[row].result.id,
                                    m_profile->client.displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->isLoaded()) {
        m_message->showError(dialog->loadError());
        delete dialog;
        return;
    }
    connect(dialog, &QDialog::finished, this, &ClinicalProfileDialog::reload);
    dialog->open();
    emit resultDialogOpened(dialog);
}

} // namespace aftercare::ui
