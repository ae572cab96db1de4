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
#include <QTableView>
#include <QVBoxLayout>

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
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
{
    m_scope->setObjectName(QStringLiteral("worklistScope"));
    m_kind->setObjectName(QStringLiteral("worklistKind"));
    m_overdueOnly->setObjectName(QStringLiteral("worklistOverdueOnly"));
    m_plan->setObjectName(QStringLiteral("planFollowUps"));
    m_counts->setObjectName(QStringLiteral("worklistCounts"));
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
    auto* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(WorklistModel::WhyColumn, QHeaderView::Stretch);

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
    if (m_model->load(query))
        m_message->clearMessage();
    showCounts();
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
    const WorklistRow* line = m_model->rowAt(row);
    if (!line)
        return;
    auto* dialog = new CallDialog(m_database, m_actor, line->task, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->isLoaded()) {
        m_message->showError(dialog->loadError());
        delete dialog;
        return;
    }
    connect(dialog, &CallDialog::callLogged, this, [this](const QString& summary) {
        reload();
        m_message->showSuccess(summary);
    });
    dialog->open();
    emit callDialogOpened(dialog);
}

} // namespace aftercare::ui
