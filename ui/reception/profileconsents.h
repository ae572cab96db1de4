#pragma once

#include "auth/actor.h"
#include "domain/client.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// A client's consent history, newest first, with who recorded each decision and when; and a
// row to record a new decision. A change of mind is a new row: nothing is edited away.
class ProfileConsents : public QWidget
{
    Q_OBJECT

public:
    ProfileConsents(Database& database, const Actor& actor, QWidget* parent = nullptr);

    void showConsents(ClientId client, const std::vector<Consent>& history,
                      const QHash<qint64, QString>& userNames);

signals:
    void recorded(aftercare::ClientId client);

private:
    void record();

    Database& m_database;
    Actor m_actor;
    ClientId m_client;
    QTreeWidget* m_history;
    QComboBox* m_purpose;
    QComboBox* m_channel;
    QComboBox* m_decision;
    QLineEdit* m_evidence;
    QPushButton* m_record;
    MessageLabel* m_message;
};

} // namespace aftercare::ui
