#pragma once

#include "domain/ids.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// Picks an existing client with the finder's search (name, date of birth, phone, e-mail or
// number): type, move down into the matches, Enter picks one.
class ClientPicker : public QWidget
{
    Q_OBJECT
    // What the picker holds as a field of its form (FormDialog compares it).
    Q_PROPERTY(QString clientName READ clientName USER true)

public:
    static constexpr int kMatches = 6;

    ClientPicker(Database& database, const QString& objectNamePrefix, QWidget* parent = nullptr);

    ClientId client() const { return m_client; }
    QString clientName() const { return m_name; }
    void setClient(ClientId client, const QString& name);
    void clear();

signals:
    void clientChanged(aftercare::ClientId client);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search(const QString& text);

    Database& m_database;
    ClientId m_client;
    QString m_name;
    QLineEdit* m_search;
    QListWidget* m_matches;
    QLabel* m_chosen;
    QPushButton* m_clear;
};

} // namespace aftercare::ui
