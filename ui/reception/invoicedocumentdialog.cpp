#include "reception/invoicedocumentdialog.h"

#include "common/messagelabel.h"
#include "desk/invoicedesk.h"
#include "domain/touchpoint.h"
#include "reception/invoicepdf.h"
#include "repositories/touchpointrepository.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace aftercare::ui {

InvoiceDocumentDialog::InvoiceDocumentDialog(Database& database, const Actor& actor,
                                             InvoiceId invoice, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_preview(new QTextBrowser(this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("invoiceDocumentDialog"));
    m_preview->setObjectName(QStringLiteral("invoiceDocumentPreview"));
    m_message->setObjectName(QStringLiteral("invoiceDocumentMessage"));
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* print = buttons->addButton(tr("&Print…"), QDialogButtonBox::AcceptRole);
    print->setObjectName(QStringLiteral("invoiceDocumentPrint"));
    QPushButton* save = buttons->addButton(tr("&Save as PDF…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("invoiceDocumentSave"));
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("invoiceDocumentClose"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(680, 760);

    connect(print, &QPushButton::clicked, this, &InvoiceDocumentDialog::print);
    connect(save, &QPushButton::clicked, this, &InvoiceDocumentDialog::chooseFile);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto document = InvoiceDesk(database).document(invoice);
    if (!document) {
        setWindowTitle(tr("Invoice"));
        m_message->showError(document.error().message);
        print->setEnabled(false);
        save->setEnabled(false);
        return;
    }
    m_document = std::move(*document);
    m_ready = true;
    setWindowTitle(InvoicePdf::title(m_document));
    m_preview->setHtml(InvoicePdf::html(m_document));
    print->setDefault(true);
    print->setFocus();
}

InvoiceDocumentDialog::~InvoiceDocumentDialog() = default;

bool InvoiceDocumentDialog::saveTo(const QString& path)
{
    if (!m_ready)
        return false;
    if (!InvoicePdf::write(m_document, path)) {
        m_message->showError(
            tr("%1 could not be written to %2.")
                .arg(InvoicePdf::title(m_document), QDir::toNativeSeparators(path)));
        return false;
    }
    m_message->showSuccess(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    recordHandOver(Channel::Email, tr("%1 saved as PDF").arg(InvoicePdf::title(m_document)));
    return true;
}

void InvoiceDocumentDialog::recordHandOver(Channel channel, const QString& outcome)
{
    Touchpoint touchpoint;
    touchpoint.client = m_document.invoice.client;
    touchpoint.stage = JourneyStage::After;
    touchpoint.channel = channel;
    touchpoint.kind = TouchpointKind::kInvoice;
    touchpoint.appointment = m_document.invoice.appointment;
    touchpoint.outcome = outcome;
    if (auto recorded = TouchpointRepository(m_database).record(touchpoint, m_actor); !recorded)
        m_message->showError(recorded.error().message);
}

void InvoiceDocumentDialog::chooseFile()
{
    auto* dialog = new QFileDialog(this, tr("Save %1").arg(InvoicePdf::title(m_document)),
                                   QDir::homePath(), tr("PDF documents (*.pdf)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->selectFile(tr("%1 %2.pdf").arg(InvoicePdf::title(m_document), m_document.clientName));
    connect(dialog, &QFileDialog::fileSelected, this, &InvoiceDocumentDialog::saveTo);
    dialog->open();
}

void InvoiceDocumentDialog::print()
{
    m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    m_printer->setPageSize(QPageSize(QPageSize::A4));
    m_printer->setColorMode(QPrinter::GrayScale);
    m_printer->setDocName(InvoicePdf::title(m_document));
    auto* dialog = new QPrintDialog(m_printer.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        InvoicePdf::print(m_document, m_printer.get());
        m_message->showSuccess(tr("Sent to the printer."));
        recordHandOver(Channel::InPerson,
                       tr("%1 printed and handed over").arg(InvoicePdf::title(m_document)));
    });
    dialog->open();
}

} // namespace aftercare::ui
