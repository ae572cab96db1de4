#include "postservicedialog.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

constexpr int kVisitIdRole = Qt::UserRole + 1;

QString stepName(PostServiceStep step)
{
    switch (step) {
    case PostServiceStep::QualityFollowUp:
        return PostServiceDialog::tr("Quality follow-up");
    case PostServiceStep::FeedbackRequest:
        return PostServiceDialog::tr("Feedback request");
    case PostServiceStep::ThankYou:
        return PostServiceDialog::tr("Thank-you");
    case PostServiceStep::CommunityInvite:
        return PostServiceDialog::tr("Community invitation");
    case PostServiceStep::NewsletterInvite:
        return PostServiceDialog::tr("Newsletter invitation");
    }
    return {};
}

} // namespace

PostServiceDialog::PostServiceDialog(Database& database, const Actor& actor, ClientId client,
                                     const QString& clientName, QWidget* parent)
    : FormDialog(parent)
    , m_delta(database)
    , m_actor(actor)
    , m_client(client)
    , m_visits(new QTreeWidget(this))
    , m_mean(new QLabel(this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("postServiceDialog"));
    setWindowTitle(tr("After each visit — %1").arg(clientName));
    m_visits->setObjectName(QStringLiteral("postServiceVisits"));
    m_mean->setObjectName(QStringLiteral("postServiceMean"));
    m_visits->setRootIsDecorated(false);
    m_visits->setColumnCount(ColumnCount);
    QStringList headers{tr("Visit")};
    for (const PostServiceStep step : allOf<PostServiceStep>())
        headers << stepName(step);
    headers << tr("Delta");
    m_visits->setHeaderLabels(headers);
    m_visits->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Tick a step once it is done. Delta: steps that apply "
                                    "minus steps done."),
                                 this));
    layout->addWidget(m_visits, 1);
    layout->addWidget(m_mean);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_visits, &QTreeWidget::itemChanged, this, &PostServiceDialog::stepToggled);
    m_loaded = reload();
    resize(1000, 480);
}

bool PostServiceDialog::reload()
{
    auto delta = m_delta.forClient(m_client);
    if (!delta) {
        m_loadError = delta.error().message;
        return false;
    }
    m_filling = true;
    m_visits->clear();
    for (const VisitDelta& visit : delta->visits) {
        auto* item = new QTreeWidgetItem(m_visits);
        fill(item, visit);
    }
    m_filling = false;
    showMean();
    return true;
}

void PostServiceDialog::fill(QTreeWidgetItem* item, const VisitDelta& visit)
{
    const bool wasFilling = m_filling;
    m_filling = true;
    item->setData(VisitColumn, kVisitIdRole, qlonglong(visit.visit.value()));
    item->setText(VisitColumn,
                  tr("%1, %2").arg(appointmentTimeText(visit.startsAt), visit.serviceName));
    int column = FirstStepColumn;
    for (const PostServiceStepState& s : visit.steps) {
        switch (s.state) {
        case StepState::Done:
        case StepState::Due:
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(column, s.state == StepState::Done ? Qt::Checked : Qt::Unchecked);
            item->setText(column, s.state == StepState::Done ? tr("done") : tr("due"));
            break;
        case StepState::NotApplicableByPolicy:
            item->setData(column, Qt::CheckStateRole, QVariant());
            item->setText(column, tr("n/a (policy)"));
            break;
        case StepState::NotApplicableByConsent:
            item->setData(column, Qt::CheckStateRole, QVariant());
            item->setText(column, tr("n/a (no consent)"));
            break;
        }
        ++column;
    }
    item->setText(DeltaColumn, QString::number(visit.delta()));
    item->setTextAlignment(DeltaColumn, Qt::AlignCenter);
    m_filling = wasFilling;
}

void PostServiceDialog::stepToggled(QTreeWidgetItem* item, int column)
{
    if (m_filling || column < FirstStepColumn || column >= DeltaColumn)
        return;
    const QVariant checked = item->data(column, Qt::CheckStateRole);
    if (!checked.isValid())
        return;
    const AppointmentId visit(item->data(VisitColumn, kVisitIdRole).toLongLong());
    const PostServiceStep step = allOf<PostServiceStep>()[size_t(column - FirstStepColumn)];
    auto changed = checked.toInt() == Qt::Checked ? m_delta.tick(visit, step, m_actor)
                                                  : m_delta.untick(visit, step, m_actor);
    // The item is updated in place: this runs inside the item's own change notification.
    if (!changed) {
        m_message->showError(changed.error().message);
        if (auto current = m_delta.forVisit(visit))
            fill(item, *current);
        return;
    }
    m_message->clearMessage();
    fill(item, *changed);
    showMean();
}

void PostServiceDialog::showMean()
{
    auto delta = m_delta.forClient(m_client);
    if (!delta) {
        m_message->showError(delta.error().message);
        return;
    }
    m_mean->setText(delta->mean
                        ? tr("Mean delta over %n visits: %1", nullptr, int(delta->visits.size()))
                              .arg(QLocale().toString(*delta->mean, 'f', 2))
                        : tr("No completed visits."));
}

} // namespace aftercare::ui
