#pragma once

#include "desk/invoicedocument.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

namespace aftercare::ui {

// An invoice (or, once paid, a receipt) on A4 in black on white: the practice as sender,
// the client's name and address where a window envelope shows them, the invoice number in
// the one format, dates, the lines, the total, what was paid when and how, and what is
// still open by when. Renders what it is given; reads nothing.
class InvoicePdf
{
    Q_DECLARE_TR_FUNCTIONS(InvoicePdf)

public:
    // "Invoice INV-0006318" or "Receipt INV-0006318".
    static QString title(const InvoiceDocument& document);
    // The document as HTML, for the PDF, the printer and the preview.
    static QString html(const InvoiceDocument& document);
    // Prints onto a PDF writer or a printer.
    static void print(const InvoiceDocument& document, QPagedPaintDevice* device);
    // False when the file could not be written.
    static bool write(const InvoiceDocument& document, const QString& path);
};

} // namespace aftercare::ui
