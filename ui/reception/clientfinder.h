#pragma once

#include "domain/ids.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QLineEdit;
class QTableView;
class QTimer;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class ClientMatchModel;

// "Find a client in a keystroke": a search field matching as one types (after a short pause,
// so a fast typist does not query for every letter) and the top matches with date of birth,
// phone and next appointment. Down moves into the list; Enter or a double-click opens the
// client.
class ClientFinder : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kTypingPauseMs = 120;

    explicit ClientFinder(Database& database, QWidget* parent = nullptr);

    void focusSearch();
    ClientMatchModel* model() const { return m_model; }
    // Runs the pending search at once (after typing, before the pause is over).
    void searchNow();
    // Only name, date of birth and next appointment: for when the client's details take
    // half of the room.
    void setCompact(bool compact);
    QString searchText() const;

signals:
    void clientActivated(aftercare::ClientId client);
    // The user changed the search text (a new search is on its way).
    void searchEdited();
    // Nobody matched and the user asked to register the person (Enter or the button): text is
    // what they searched for, to start the form with.
    void newClientRequested(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showSummary();
    void activateRow(int row);

    ClientMatchModel* m_model;
    QLineEdit* m_search;
    QLabel* m_summary;
    QPushButton* m_newClient;
    QTableView* m_results;
    QTimer* m_typingPause;
};

} // namespace aftercare::ui
