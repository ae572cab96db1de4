#include "followupworkspace.h"

#include "aftercare/followupplanner.h"
#include "aftercare/taskreason.h"
#include "calldialog.h"
#include "clinicalfinderdialog.h"
#include "common/messagelabel.h"
#include "summarytemplatedialog.h"
#include "worklistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace aftercare::ui {

namespace {

constexpr int kAllKinds = -1;

} // namespace

FollowUpWorkspace::FollowUpWorkspace(Database& database, const Actor& actor, QWidget* parent)
    : Workspace(parent)
    , m_database(database)
    , m_actor(actor)
    , m_model(new WorklistModel(database, this))
    , m_scope(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_overdueOnly(new QCheckBox(tr("Overdue only"), this))
    , m_plan(new QPushButton(tr("Plan follow-ups"), this))
    , m_counts(new QLabel(this))
    , m_clientFilter(new QLabel(this))
    , m_clearClient(new QPushButton(tr("Show every client"), this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
{
    m_scope->setObjectName(QStringLiteral("worklistScope"));
    m_kind->setObjectName(QStringLiteral("worklistKind"));
    m_overdueOnly->setObjectName(QStringLiteral("worklistOverdueOnly"));
    m_plan->setObjectName(QStringLiteral("planFollowUps"));
    m_counts->setObjectName(QStringLiteral("worklistCounts"));
    m_clientFilter->setObjectName(QStringLiteral("worklistClientFilter"));
    m_clearClient->setObjectName(QStringLiteral("worklistClearClient"));
    m_message->setObjectName(QStringLiteral("worklistMessage"));
    m_view->setObjectName(QStringLiteral("worklistView"));

    m_scope->addItem(tr("Mine and unassigned"), int(WorklistScope::MineAndUnassigned));
    m_scope->addItem(tr("Mine"), int(WorklistScope::Mine));
    m_scope->addItem(tr("All"), int(WorklistScope::All));
    m_kind->addItem(tr("Every kind"), kAllKinds);
    for (const TaskKind kind : allOf<TaskKind>())
        m_kind->addItem(TaskReason::kindText(kind), int(kind));

    auto* title = new QLabel(tr("Calls and tasks due"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_scope);
    filters->addWidget(m_kind);
    filters->addWidget(m_overdueOnly);
    filters->addWidget(m_clientFilter);
    filters->addWidget(m_clearClient);
    filters->addStretch();
    filters->addWidget(m_counts);
    filters->addWidget(m_plan);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    // Every column as wide as what it shows, the reason too (it is what the line is about);
    // a narrow window scrolls rather than cuts.
    auto* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // The list is sorted in SQL by the header clicked; most urgent first to begin with.
    header->setSortIndicator(WorklistModel::PriorityColumn, Qt::AscendingOrder);
    header->setSortIndicatorShown(true);
    m_view->setSortingEnabled(true);

    auto* open = new QPushButton(tr("Open call…"), this);
    open->setObjectName(QStringLiteral("openCall"));
    auto* templates = new QPushButton(tr("Summary &templates…"), this);
    templates->setObjectName(QStringLiteral("openSummaryTemplates"));
    auto* find = new QPushButton(tr("Find client… (Ctrl+K)"), this);
    find->setObjectName(QStringLiteral("findClinicalClient"));
    connect(find, &QPushButton::clicked, this, &FollowUpWorkspace::focusClientSearch);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(find);
    buttons->addWidget(templates);
    buttons->addWidget(open);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &FollowUpWorkspace::reload);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &FollowUpWorkspace::reload);
    connect(m_overdueOnly, &QCheckBox::toggled, this, &FollowUpWorkspace::reload);
    connect(m_clearClient, &QPushButton::clicked, this, [this] {
        m_client = {};
        reload();
    });
    connect(m_plan, &QPushButton::clicked, this, &FollowUpWorkspace::planFollowUps);
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex& index) { openTask(index.row()); });
    connect(open, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            openTask(current.row());
    });
    connect(templates, &QPushButton::clicked, this, [this] {
        auto* dialog = new SummaryTemplateDialog(m_database, m_actor, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_model, &WorklistModel::loadFailed, m_message, &MessageLabel::showError);
    reload();
}

void FollowUpWorkspace::reload()
{
    WorklistQuery query;
    query.scope = static_cast<WorklistScope>(m_scope->currentData().toInt());
    query.me = m_actor.user;
    if (const int kind = m_kind->currentData().toInt(); kind != kAllKinds)
        query.kind = static_cast<TaskKind>(kind);
    query.overdueOnly = m_overdueOnly->isChecked();
    query.client = m_client;
    if (m_model->load(query))
        m_message->clearMessage();
    showClientFilter();
    showCounts();
}

void FollowUpWorkspace::showTasks(const WorklistQuery& query)
{
    const QSignalBlocker scope(m_scope);
    const QSignalBlocker kind(m_kind);
    const QSignalBlocker overdue(m_overdueOnly);
    if (const int i = m_scope->findData(int(query.scope)); i >= 0)
        m_scope->setCurrentIndex(i);
    const int kindIndex = m_kind->findData(query.kind ? int(*query.kind) : kAllKinds);
    m_kind->setCurrentIndex(std::max(kindIndex, 0));
    m_overdueOnly->setChecked(query.overdueOnly);
    m_client = query.client;
    reload();
}

void FollowUpWorkspace::showClientFilter()
{
    const bool one = m_client.isValid();
    m_clearClient->setVisible(one);
    m_clientFilter->setVisible(one);
    if (!one)
        return;
    const WorklistRow* first = m_model->rowAt(0);
    m_clientFilter->setText(first ? tr("Only %1").arg(first->clientName)
                                  : tr("Only one client (nothing due)"));
}

void FollowUpWorkspace::showCounts()
{
    const WorklistCounts& counts = m_model->counts();
    m_counts->setText(tr("%n due", nullptr, int(counts.total)) + QStringLiteral(" · ") +
                      tr("%n overdue", nullptr, int(counts.overdue)));
}

void FollowUpWorkspace::focusClientSearch()
{
    emit clientFinderOpened(ClinicalFinderDialog::showFor(m_database, m_actor, this));
}

void FollowUpWorkspace::planFollowUps()
{
    auto report = FollowUpPlanner(m_database).plan(m_actor);
    if (!report) {
        m_message->showError(report.error().message);
        return;
    }
    reload();
    m_message->showSuccess(
        tr("%n new tasks planned.", nullptr, static_cast<int>(report->created.size())));
}

void FollowUpWorkspace::openTask(int row)
{
    if (const WorklistRow* line = m_model->rowAt(row))
        openTaskById(line->task);
}

bool FollowUpWorkspace::openTaskById(FollowUpTaskId task)
{
    // Its line, when shown, is the current one: the list says which task the dialog is for.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->rowAt(row)->task == task) {
            m_view->selectRow(row);
            break;
        }
    }
    auto* dialog = new CallDialog(m_database, m_actor, task, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->isLoaded()) {
        m_message->showError(dialog->loadError());
        delete dialog;
        return false;
    }
    connect(dialog, &CallDialog::callLogged, this, [this](const QString& summary) {
        reload();
        m_message->showSuccess(summary);
    });
    dialog->open();
    emit callDialogOpened(dialog);
    return true;
}

} // namespace aftercare::ui
