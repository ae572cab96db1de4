#pragma once

#include "auth/actor.h"
#include "domain/ids.h"

#include <QDialog>

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class ClientFinder;

// Ctrl+K on the follow-up screen: the desk's client finder (name, date of birth, phone, e-mail
// or client number), and Enter opens the client's clinical profile.
class ClinicalFinderDialog : public QDialog
{
    Q_OBJECT

public:
    ClinicalFinderDialog(Database& database, const Actor& actor, QWidget* parent);

    // The finder of `parent`, opened and with the focus in its search field; one per parent.
    static ClinicalFinderDialog* showFor(Database& database, const Actor& actor, QWidget* parent);
    ClientFinder* finder() const { return m_finder; }
    // Opens the client's clinical profile beside the finder's parent, and closes the finder.
    void openProfile(ClientId client);

signals:
    void profileOpened(QWidget* dialog);

private:
    Database& m_database;
    Actor m_actor;
    ClientFinder* m_finder;
};

} // namespace aftercare::ui
