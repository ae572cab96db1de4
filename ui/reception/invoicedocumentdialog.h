#pragma once

#include "auth/actor.h"
#include "desk/invoicedocument.h"
#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDialog>

#include <memory>

class QPrinter;
class QTextBrowser;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// The invoice of the desk's invoice page (a receipt once it is paid) before it goes out: a
// preview, and buttons to print it for the client at the desk or save it as a PDF to send.
// Either is written to the client's history.
class InvoiceDocumentDialog : public QDialog
{
    Q_OBJECT

public:
    InvoiceDocumentDialog(Database& database, const Actor& actor, InvoiceId invoice,
                          QWidget* parent = nullptr);
    ~InvoiceDocumentDialog() override;

    bool isReady() const { return m_ready; }
    const InvoiceDocument& document() const { return m_document; }
    // Writes the PDF; false (with the reason on the dialog) when that failed.
    bool saveTo(const QString& path);

private:
    void chooseFile();
    void print();
    void recordHandOver(Channel channel, const QString& outcome);

    Database& m_database;
    Actor m_actor;
    InvoiceDocument m_document;
    bool m_ready = false;
    QTextBrowser* m_preview;
    MessageLabel* m_message;
    std::unique_ptr<QPrinter> m_printer;
};

} // namespace aftercare::ui
