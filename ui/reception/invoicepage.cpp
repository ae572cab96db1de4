#include "reception/invoicepage.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "domain/invoicenumber.h"
#include "reception/invoicedocumentdialog.h"
#include "reception/pagedrowsmodel.h"
#include "repositories/invoicerepository.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace aftercare::ui {

namespace {

enum Column
{
    NumberColumn,
    ClientColumn,
    PhoneColumn,
    StatusColumn,
    TotalColumn,
    BalanceColumn,
    IssuedColumn,
    DueColumn,
    OverdueColumn
};

enum LineColumn
{
    DescriptionColumn,
    QuantityColumn,
    PriceColumn,
    AmountColumn
};

QString statusName(InvoiceStatus status)
{
    switch (status) {
    case InvoiceStatus::Draft:
        return InvoicePage::tr("Draft");
    case InvoiceStatus::Issued:
        return InvoicePage::tr("Issued");
    case InvoiceStatus::Paid:
        return InvoicePage::tr("Paid");
    case InvoiceStatus::Void:
        return InvoicePage::tr("Void");
    }
    return {};
}

QPushButton* button(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAutoDefault(false);
    return b;
}

} // namespace

InvoicePage::InvoicePage(Database& database, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_actor(actor)
    , m_view(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_list(new QTableView(this))
    , m_title(new QLabel(this))
    , m_lines(new QTableWidget(0, 4, this))
    , m_addLine(button(tr("Add li&ne"), "invoiceAddLine", this))
    , m_removeLine(button(tr("&Remove line"), "invoiceRemoveLine", this))
    , m_issue(button(tr("&Issue"), "invoiceIssue", this))
    , m_document(button(tr("Prin&t / PDF…"), "invoiceDocument", this))
    , m_totals(new QLabel(this))
    , m_paymentFor(new QLabel(this))
    , m_amount(new QDoubleSpinBox(this))
    , m_method(new QComboBox(this))
    , m_paidOn(new QDateEdit(QDate::currentDate(), this))
    , m_pay(button(tr("Record &payment"), "invoiceRecordPayment", this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("invoicePage"));
    m_view->setObjectName(QStringLiteral("invoiceView"));
    m_view->addItem(tr("Drafts to review"), int(InvoiceDesk::View::Drafts));
    m_view->addItem(tr("Issued, not paid"), int(InvoiceDesk::View::Open));
    m_view->addItem(tr("Overdue"), int(InvoiceDesk::View::Overdue));
    m_view->addItem(tr("Paid"), int(InvoiceDesk::View::Paid));
    auto* viewLabel = new QLabel(tr("&Show:"), this);
    viewLabel->setBuddy(m_view);
    m_summary->setObjectName(QStringLiteral("invoiceSummary"));

    m_model = new PagedRowsModel<InvoiceRow>(
        {tr("No."), tr("Client"), tr("Phone"), tr("Status"), tr("Total"), tr("Open"), tr("Issued"),
         tr("Due"), tr("Overdue")},
        [](const InvoiceRow& row, int column, int role) -> QVariant {
            if (role == Qt::TextAlignmentRole &&
                (column == TotalColumn || column == BalanceColumn || column == OverdueColumn))
                return int(Qt::AlignRight | Qt::AlignVCenter);
            if (role != Qt::DisplayRole)
                return {};
            switch (column) {
            case NumberColumn:
                return row.number;
            case ClientColumn:
                return row.clientName;
            case PhoneColumn:
                return row.phone;
            case StatusColumn:
                return statusName(row.status);
            case TotalColumn:
                return moneyText(row.totalCents);
            case BalanceColumn:
                return moneyText(row.balanceCents());
            case IssuedColumn:
                // A draft is not issued yet, whatever date an import may have carried.
                return row.status == InvoiceStatus::Draft ? QString()
                                                          : dateText(row.issuedAt.date());
            case DueColumn:
                return dateText(row.dueAt.date());
            case OverdueColumn: {
                const int days = row.daysOverdue(QDate::currentDate());
                return days > 0 ? tr("%n days", nullptr, days) : QString();
            }
            }
            return {};
        },
        this);
    m_list->setObjectName(QStringLiteral("invoiceList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(ClientColumn, QHeaderView::Stretch);

    m_title->setObjectName(QStringLiteral("invoiceTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_lines->setObjectName(QStringLiteral("invoiceLines"));
    m_lines->setHorizontalHeaderLabels(
        {tr("Description"), tr("Qty"), tr("Unit price"), tr("Amount")});
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_lines->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    // Most invoices have a line or two; the list above gets the room.
    m_lines->setMinimumHeight(72);
    m_list->setMinimumHeight(120);
    m_totals->setObjectName(QStringLiteral("invoiceBalance"));
    m_document->setToolTip(tr("The invoice, or the receipt once it is paid, to print or to "
                              "save as a PDF"));

    m_paymentFor->setObjectName(QStringLiteral("invoicePaymentFor"));
    m_paymentFor->setFont(bold);
    // A long name must not widen the window: the label gives way, the fields stay.
    m_paymentFor->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_amount->setObjectName(QStringLiteral("invoicePaymentAmount"));
    m_amount->setDecimals(2);
    m_amount->setRange(0.0, 1000000.0);
    m_amount->setAccessibleName(tr("Amount paid"));
    m_method->setObjectName(QStringLiteral("invoicePaymentMethod"));
    for (PaymentMethod method :
         {PaymentMethod::Card, PaymentMethod::Cash, PaymentMethod::Transfer, PaymentMethod::Other})
        m_method->addItem(paymentMethodName(method), int(method));
    m_paidOn->setObjectName(QStringLiteral("invoicePaymentDate"));
    m_paidOn->setCalendarPopup(true);
    m_paidOn->setMaximumDate(QDate::currentDate());
    m_message->setObjectName(QStringLiteral("invoiceMessage"));

    auto* top = new QHBoxLayout;
    top->addWidget(viewLabel);
    top->addWidget(m_view);
    top->addSpacing(16);
    top->addWidget(m_summary);
    top->addStretch();

    auto* detail = new QWidget(this);
    auto* lineButtons = new QHBoxLayout;
    lineButtons->addWidget(m_addLine);
    lineButtons->addWidget(m_removeLine);
    lineButtons->addStretch();
    lineButtons->addWidget(m_totals);
    lineButtons->addWidget(m_issue);
    lineButtons->addWidget(m_document);
    auto* payment = new QHBoxLayout;
    auto* amountLabel = new QLabel(tr("A&mount:"), detail);
    amountLabel->setBuddy(m_amount);
    auto* methodLabel = new QLabel(tr("M&ethod:"), detail);
    methodLabel->setBuddy(m_method);
    auto* dateLabel = new QLabel(tr("Pai&d on:"), detail);
    dateLabel->setBuddy(m_paidOn);
    payment->addWidget(amountLabel);
    payment->addWidget(m_amount);
    payment->addWidget(methodLabel);
    payment->addWidget(m_method);
    payment->addWidget(dateLabel);
    payment->addWidget(m_paidOn);
    payment->addWidget(m_pay);
    payment->addStretch();
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_lines, 1);
    detailLayout->addLayout(lineButtons);
    detailLayout->addWidget(m_paymentFor);
    detailLayout->addLayout(payment);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    setTabOrder(m_view, m_list);
    setTabOrder(m_list, m_lines);
    setFocusProxy(m_list);

    // What was said about the last invoice handled does not stay beside another one.
    connect(m_view, &QComboBox::currentIndexChanged, this, [this] {
        m_message->clearMessage();
        reload();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_selecting)
                    return;
                if (const InvoiceRow* row = m_model->rowAt(current.row())) {
                    m_message->clearMessage();
                    showInvoice(row->id);
                }
            });
    connect(m_lines, &QTableWidget::cellChanged, this, &InvoicePage::lineEdited);
    connect(m_addLine, &QPushButton::clicked, this, &InvoicePage::addLine);
    connect(m_removeLine, &QPushButton::clicked, this, &InvoicePage::removeLine);
    connect(m_issue, &QPushButton::clicked, this, &InvoicePage::issueShown);
    connect(m_document, &QPushButton::clicked, this, &InvoicePage::openDocument);
    connect(m_pay, &QPushButton::clicked, this, &InvoicePage::recordPayment);
    fillDetail();
}

InvoicePage::~InvoicePage() = default;

QString InvoicePage::message() const
{
    return m_message->text();
}

void InvoicePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        reload();
}

InvoiceDesk::View InvoicePage::currentView() const
{
    return InvoiceDesk::View(m_view->currentData().toInt());
}

void InvoicePage::showView(InvoiceDesk::View view)
{
    const int index = m_view->findData(int(view));
    if (index == m_view->currentIndex())
        reload();
    else
        m_view->setCurrentIndex(index); // reloads
}

void InvoicePage::reload()
{
    load(m_invoice ? m_invoice->id : InvoiceId(), false);
}

void InvoicePage::load(InvoiceId keep, bool stay)
{
    m_loaded = true;
    const auto view = currentView();
    const QDate today = QDate::currentDate();
    InvoiceDesk desk(m_database);
    std::optional<qint64> position;
    if (keep.isValid()) {
        auto found = desk.position(view, today, keep);
        if (found)
            position = *found;
        else
            m_message->showError(found.error().message);
    }
    // Enough pages to hold the invoice kept, however far down the list has it.
    auto loaded = m_model->reload(
        [this, view, today](int limit, int offset) {
            return InvoiceDesk(m_database).list(view, today, limit, offset);
        },
        position ? int(*position) + 1 : 0);
    if (!loaded)
        m_message->showError(loaded.error().message);
    showSummary(view, today);

    m_selecting = true;
    if (position && *position < m_model->rowCount()) {
        const QModelIndex index = m_model->index(int(*position), 0);
        m_list->setCurrentIndex(index);
        m_list->scrollTo(index);
        showInvoice(keep);
    } else if (stay && keep.isValid()) {
        // Not in this list (any more): it stays below, named, rather than another one.
        m_list->setCurrentIndex({});
        showInvoice(keep);
    } else if (m_model->rowCount() > 0) {
        m_list->setCurrentIndex(m_model->index(0, 0));
        showInvoice(m_model->rowAt(0)->id);
    } else {
        m_invoice.reset();
        m_row.reset();
        fillDetail();
    }
    m_selecting = false;
}

void InvoicePage::showSummary(InvoiceDesk::View view, const QDate& today)
{
    auto totals = InvoiceDesk(m_database).totals(view, today);
    if (!totals) {
        m_summary->clear();
        m_message->showError(totals.error().message);
        return;
    }
    const int count = int(totals->count);
    switch (view) {
    case InvoiceDesk::View::Drafts:
        m_summary->setText(
            tr("%n drafts, %1 in all", nullptr, count).arg(moneyText(totals->totalCents)));
        break;
    case InvoiceDesk::View::Open:
        m_summary->setText(
            tr("%n invoices not paid, %1 open", nullptr, count).arg(moneyText(totals->openCents)));
        break;
    case InvoiceDesk::View::Overdue:
        m_summary->setText(
            tr("%n invoices overdue, %1 open", nullptr, count).arg(moneyText(totals->openCents)));
        break;
    case InvoiceDesk::View::Paid:
        m_summary->setText(
            tr("%n invoices paid, %1 in all", nullptr, count).arg(moneyText(totals->totalCents)));
        break;
    }
}

void InvoicePage::showInvoice(InvoiceId id)
{
    auto invoice = InvoiceRepository(m_database).get(id);
    auto row = InvoiceDesk(m_database).row(id);
    if (!invoice || !row) {
        m_message->showError((!invoice ? invoice.error() : row.error()).message);
        m_invoice.reset();
        m_row.reset();
    } else {
        m_invoice = std::move(*invoice);
        m_row = std::move(*row);
    }
    fillDetail();
}

void InvoicePage::fillDetail()
{
    m_filling = true;
    const bool draft = m_invoice && m_invoice->status == InvoiceStatus::Draft;
    const bool issued = m_invoice && m_invoice->status == InvoiceStatus::Issued;
    const bool paid = m_invoice && m_invoice->status == InvoiceStatus::Paid;
    m_lines->setRowCount(0);
    if (m_invoice && m_row) {
        QString title = tr("Invoice %1 · %2 · %3")
                            .arg(m_row->number, m_row->clientName, statusName(m_invoice->status));
        if (const int days = m_row->daysOverdue(QDate::currentDate()); days > 0)
            title += QStringLiteral(" · ") + tr("%n days overdue", nullptr, days);
        m_title->setText(title);
        for (const InvoiceLine& line : m_invoice->lines) {
            const int r = m_lines->rowCount();
            m_lines->insertRow(r);
            auto* description = new QTableWidgetItem(line.description);
            description->setData(Qt::UserRole, qlonglong(line.id.value()));
            m_lines->setItem(r, DescriptionColumn, description);
            m_lines->setItem(r, QuantityColumn,
                             new QTableWidgetItem(QString::number(line.quantity)));
            m_lines->setItem(r, PriceColumn, new QTableWidgetItem(amountText(line.unitPriceCents)));
            auto* amount = new QTableWidgetItem(amountText(line.amountCents()));
            amount->setFlags(amount->flags() & ~Qt::ItemIsEditable);
            m_lines->setItem(r, AmountColumn, amount);
            for (int c : {QuantityColumn, PriceColumn, AmountColumn})
                m_lines->item(r, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!draft)
                for (int c = 0; c < 4; ++c)
                    m_lines->item(r, c)->setFlags(m_lines->item(r, c)->flags() &
                                                  ~Qt::ItemIsEditable);
        }
        QString totals = tr("Total %1 · paid %2 · open %3")
                             .arg(moneyText(m_invoice->totalCents), moneyText(m_invoice->paidCents),
                                  moneyText(m_invoice->balanceCents()));
        if (m_invoice->dueAt.isValid() && !draft)
            totals += QStringLiteral(" · ") + tr("due %1").arg(dateText(m_invoice->dueAt.date()));
        m_totals->setText(totals);
        // The payment form says whose invoice it takes money for.
        if (issued)
            m_paymentFor->setText(tr("Payment for %1 · %2:").arg(m_row->number, m_row->clientName));
        else if (paid)
            m_paymentFor->setText(tr("%1 is paid in full.").arg(m_row->number));
        else
            m_paymentFor->setText(tr("Payments are taken once the invoice is issued."));
        m_amount->setMaximum(double(std::max<qint64>(0, m_invoice->balanceCents())) / 100.0);
        m_amount->setValue(m_amount->maximum());
    } else {
        m_title->setText(tr("No invoice in this list."));
        m_totals->clear();
        m_paymentFor->clear();
        m_amount->setValue(0.0);
    }
    m_lines->setEnabled(bool(m_invoice));
    m_addLine->setEnabled(draft);
    m_removeLine->setEnabled(draft && m_invoice->lines.size() > 1);
    m_issue->setEnabled(draft && !m_invoice->lines.empty());
    m_document->setEnabled(issued || paid);
    for (QWidget* w : std::initializer_list<QWidget*>{m_amount, m_method, m_paidOn, m_pay})
        w->setEnabled(issued);
    m_filling = false;
}

void InvoicePage::lineEdited(int row, int column)
{
    if (m_filling || !m_invoice || column == AmountColumn)
        return;
    InvoiceLine line;
    line.id = InvoiceLineId(m_lines->item(row, DescriptionColumn)->data(Qt::UserRole).toLongLong());
    line.invoice = m_invoice->id;
    line.description = m_lines->item(row, DescriptionColumn)->text();
    bool ok = false;
    line.quantity = QLocale().toInt(m_lines->item(row, QuantityColumn)->text().trimmed(), &ok);
    if (!ok) {
        m_message->showError(tr("The quantity is a whole number."));
        fillDetail();
        return;
    }
    const double price = QLocale().toDouble(m_lines->item(row, PriceColumn)->text().trimmed(), &ok);
    if (!ok) {
        m_message->showError(tr("The unit price is an amount such as %1.").arg(amountText(8050)));
        fillDetail();
        return;
    }
    line.unitPriceCents = std::llround(price * 100.0);
    Invoice edited = *m_invoice;
    auto status = InvoiceRepository(m_database).updateLine(edited, line, m_actor);
    if (status)
        m_invoice = std::move(edited);
    finish(status, tr("Line saved; the total is %1.").arg(moneyText(m_invoice->totalCents)));
}

void InvoicePage::addLine()
{
    if (!m_invoice)
        return;
    InvoiceLine line;
    line.description = tr("Further item");
    line.quantity = 1;
    line.unitPriceCents = 0;
    Invoice edited = *m_invoice;
    auto added = InvoiceRepository(m_database).addLine(edited, line, m_actor);
    if (added)
        m_invoice = std::move(edited);
    finish(toStatus(added), tr("Line added: type its description and price."));
    if (added) {
        m_lines->setCurrentCell(m_lines->rowCount() - 1, DescriptionColumn);
        m_lines->setFocus();
    }
}

void InvoicePage::removeLine()
{
    if (!m_invoice || m_lines->currentRow() < 0)
        return;
    const InvoiceLineId line(
        m_lines->item(m_lines->currentRow(), DescriptionColumn)->data(Qt::UserRole).toLongLong());
    Invoice edited = *m_invoice;
    auto removed = InvoiceRepository(m_database).removeLine(edited, line, m_actor);
    if (removed)
        m_invoice = std::move(edited);
    finish(removed, tr("Line removed."));
}

void InvoicePage::issueShown()
{
    if (!m_invoice)
        return;
    Invoice edited = *m_invoice;
    auto issued = InvoiceDesk(m_database).issue(edited, m_actor);
    if (issued) {
        m_invoice = std::move(edited);
        // Where it is now, to take the payment: the list of the issued, on this invoice.
        const QSignalBlocker blocker(m_view);
        m_view->setCurrentIndex(m_view->findData(int(InvoiceDesk::View::Open)));
    }
    finish(issued, issued
                       ? tr("%1 issued to %2; due on %3.")
                             .arg(invoiceNumber(*m_invoice), m_row ? m_row->clientName : QString(),
                                  dateText(m_invoice->dueAt.date()))
                       : QString());
    if (issued && m_invoice && m_invoice->status == InvoiceStatus::Issued) {
        m_amount->setFocus(Qt::OtherFocusReason);
        m_amount->selectAll();
    }
}

void InvoicePage::recordPayment()
{
    if (!m_invoice || m_invoice->status != InvoiceStatus::Issued)
        return;
    Payment payment;
    payment.amountCents = std::llround(m_amount->value() * 100.0);
    payment.method = PaymentMethod(m_method->currentData().toInt());
    payment.paidAt = m_paidOn->date() == QDate::currentDate()
                         ? QDateTime::currentDateTime()
                         : QDateTime(m_paidOn->date(), QTime(12, 0));
    Invoice edited = *m_invoice;
    const QString client = m_row ? m_row->clientName : QString();
    auto paid = InvoiceDesk(m_database).recordPayment(edited, payment, m_actor);
    if (paid) {
        m_invoice = std::move(edited);
        if (m_invoice->status == InvoiceStatus::Paid) {
            const QSignalBlocker blocker(m_view);
            m_view->setCurrentIndex(m_view->findData(int(InvoiceDesk::View::Paid)));
        }
    }
    QString done;
    if (paid)
        done = m_invoice->status == InvoiceStatus::Paid
                   ? tr("%1 from %2 for %3; the invoice is paid.")
                         .arg(moneyText(payment.amountCents), client, invoiceNumber(*m_invoice))
                   : tr("%1 from %2 for %3; %4 still open.")
                         .arg(moneyText(payment.amountCents), client, invoiceNumber(*m_invoice),
                              moneyText(m_invoice->balanceCents()));
    finish(toStatus(paid), done);
    if (!paid || !m_invoice)
        return;
    if (m_invoice->status == InvoiceStatus::Issued) {
        m_amount->setFocus(Qt::OtherFocusReason);
        m_amount->selectAll();
    } else {
        m_list->setFocus(Qt::OtherFocusReason);
    }
}

void InvoicePage::openDocument()
{
    if (!m_invoice ||
        !(m_invoice->status == InvoiceStatus::Issued || m_invoice->status == InvoiceStatus::Paid))
        return;
    auto* dialog = new InvoiceDocumentDialog(m_database, m_actor, m_invoice->id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void InvoicePage::finish(const Status& status, const QString& done)
{
    if (status)
        m_message->showSuccess(done);
    else
        m_message->showError(status.error().message);
    // The list shows the new state (or, after a refusal, the other desk's); the page stays on
    // the invoice handled.
    load(m_invoice ? m_invoice->id : InvoiceId(), true);
}

} // namespace aftercare::ui
