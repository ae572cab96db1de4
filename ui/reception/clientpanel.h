#pragma once

#include "domain/ids.h"

#include <QFrame>

class QFormLayout;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// A client's basic details as the desk needs them while the client waits: identity, contact,
// preferred channel, journey stage and the consents in force. Read-only; it reads through
// ClientRepository each time a client is shown, so it never shows what another desk changed
// an hour ago.
class ClientPanel : public QFrame
{
    Q_OBJECT

public:
    explicit ClientPanel(Database& database, QWidget* parent = nullptr);

    // Reads and shows the client; false (with the reason on the panel) when that failed.
    bool showClient(ClientId client);
    ClientId client() const { return m_client; }

signals:
    void closeRequested();
    void profileRequested(aftercare::ClientId client);
    // "Book…": a new appointment for the client shown.
    void bookRequested(aftercare::ClientId client, const QString& name);

private:
    void setRow(QLabel* label, const QString& text);

    Database& m_database;
    ClientId m_client;
    QString m_clientName;
    QLabel* m_name;
    QLabel* m_subtitle;
    QLabel* m_phone;
    QLabel* m_email;
    QLabel* m_address;
    QLabel* m_channel;
    QLabel* m_stage;
    QLabel* m_registered;
    QLabel* m_referral;
    QTreeWidget* m_consents;
    QLabel* m_noConsents;
    MessageLabel* m_error;
    QPushButton* m_close;
    QPushButton* m_profile;
    QPushButton* m_book;
};

} // namespace aftercare::ui
