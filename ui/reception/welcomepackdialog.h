#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "domain/ids.h"
#include "reception/welcomepack.h"

class QPrinter;
class QTextBrowser;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// Offers the welcome pack of a booked appointment right after onboarding: a preview, and
// buttons to print it for the client at the desk or save it as a PDF (to attach to an
// e-mail).
class WelcomePackDialog : public FormDialog
{
    Q_OBJECT

public:
    WelcomePackDialog(Database& database, const Actor& actor, AppointmentId appointment,
                      QWidget* parent = nullptr);
    ~WelcomePackDialog() override;

    bool isReady() const { return m_ready; }
    // Writes the PDF; false (with the reason on the dialog) when that failed.
    bool saveTo(const QString& path);

signals:
    // The pack went to the client (printed or saved); its touchpoint is recorded.
    void handedOver(aftercare::ClientId client);

private:
    void chooseFile();
    void recordHandOver(Channel channel, const QString& outcome);
    void print();

    Database& m_database;
    Actor m_actor;
    WelcomePack m_pack;
    bool m_ready = false;
    QTextBrowser* m_preview;
    MessageLabel* m_message;
    std::unique_ptr<QPrinter> m_printer;
};

} // namespace aftercare::ui
