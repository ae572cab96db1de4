#include "reception/notrebookedpage.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "reception/bookingdialog.h"
#include "reception/pagedrowsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

enum Column
{
    ClientColumn,
    PhoneColumn,
    LastVisitColumn,
    ServiceColumn,
    IntervalColumn,
    LastCallColumn
};

} // namespace

NotRebookedPage::NotRebookedPage(Database& database, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_actor(actor)
    , m_count(new QLabel(this))
    , m_list(new QTableView(this))
    , m_call(new QPushButton(tr("&Record recall call…"), this))
    , m_book(new QPushButton(tr("Boo&k…"), this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("notRebookedPage"));
    m_count->setObjectName(QStringLiteral("notRebookedCount"));
    m_call->setObjectName(QStringLiteral("notRebookedRecordCall"));
    m_call->setAutoDefault(false);
    m_book->setObjectName(QStringLiteral("notRebookedBook"));
    m_book->setAutoDefault(false);
    m_book->setToolTip(tr("Book the selected client's next visit"));
    m_message->setObjectName(QStringLiteral("notRebookedMessage"));
    m_model = new PagedRowsModel<RecallDue>(
        {tr("Client"), tr("Phone"), tr("Last visit"), tr("Service"), tr("Rebook after"),
         tr("Last recall call")},
        [](const RecallDue& row, int column, int role) -> QVariant {
            if (role != Qt::DisplayRole)
                return {};
            switch (column) {
            case ClientColumn:
                return row.clientName;
            case PhoneColumn:
                return phoneText(row.phone);
            case LastVisitColumn:
                return dateText(row.lastVisitAt.date());
            case ServiceColumn:
                return row.serviceName;
            case IntervalColumn:
                return tr("%n weeks", nullptr, row.rebookAfterDays / 7);
            case LastCallColumn:
                return row.lastRecallAt.isValid() ? dateText(row.lastRecallAt.date()) : QString();
            }
            return {};
        },
        this);
    m_list->setObjectName(QStringLiteral("notRebookedList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(ClientColumn, QHeaderView::Stretch);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_count);
    bar->addStretch();
    bar->addWidget(m_book);
    bar->addWidget(m_call);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);
    setFocusProxy(m_list);

    connect(m_call, &QPushButton::clicked, this, &NotRebookedPage::recordCallForSelected);
    connect(m_book, &QPushButton::clicked, this, &NotRebookedPage::bookForSelected);
    connect(m_list, &QTableView::activated, this, &NotRebookedPage::recordCallForSelected);
}

NotRebookedPage::~NotRebookedPage() = default;

QString NotRebookedPage::message() const
{
    return m_message->text();
}

void NotRebookedPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        reload();
}

void NotRebookedPage::reload()
{
    m_loaded = true;
    const QDateTime now = QDateTime::currentDateTime();
    NotRebooked recall(m_database);
    auto count = recall.count(now);
    if (!count) {
        m_message->showError(count.error().message);
        return;
    }
    m_count->setText(tr("%n clients to call back", nullptr, int(*count)));
    auto loaded = m_model->reload([this, now](int limit, int offset) {
        return NotRebooked(m_database).list(now, limit, offset);
    });
    if (!loaded)
        m_message->showError(loaded.error().message);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
    m_call->setEnabled(m_model->rowCount() > 0);
    m_book->setEnabled(m_model->rowCount() > 0);
}

void NotRebookedPage::recordCallForSelected()
{
    const RecallDue* due = m_model->rowAt(m_list->currentIndex().row());
    if (!due)
        return;
    const RecallDue chosen = *due;
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("recallOutcomeDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Recall call"));
    dialog->setLabelText(
        tr("How did the call with %1 (%2) go?")
            .arg(chosen.clientName, chosen.phone.isEmpty() ? tr("no phone number") : chosen.phone));
    dialog->setComboBoxItems({tr("Booked a visit"), tr("Will call back to book"), tr("No answer"),
                              tr("Left a message"), tr("Does not want to come back")});
    dialog->setComboBoxEditable(true);
    dialog->setTextValue(QString()); // nothing assumed: the desk says how it went
    dialog->setOkButtonText(tr("Record call"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, chosen](const QString& outcome) { record(chosen, outcome); });
    dialog->open();
    emit dialogOpened(dialog);
}

void NotRebookedPage::bookForSelected()
{
    const RecallDue* due = m_model->rowAt(m_list->currentIndex().row());
    if (!due)
        return;
    const RecallDue chosen = *due;
    auto* dialog =
        BookingDialog::forClient(m_database, m_actor, chosen.client, chosen.clientName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::saved, this, [this, chosen](AppointmentId) {
        reload();
        m_message->showSuccess(tr("%1 is booked again.").arg(chosen.clientName));
    });
    dialog->open();
    emit dialogOpened(dialog);
}

void NotRebookedPage::record(const RecallDue& due, const QString& outcome)
{
    auto recorded = NotRebooked(m_database).recordCall(due, outcome, m_actor);
    if (recorded)
        m_message->showSuccess(tr("Call with %1 recorded.").arg(due.clientName));
    else
        m_message->showError(recorded.error().message);
    reload();
}

} // namespace aftercare::ui
