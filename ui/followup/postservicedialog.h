#pragma once

#include "aftercare/postservicedelta.h"
#include "auth/actor.h"
#include "common/formdialog.h"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// The five steps after each of a client's visits: done, due or not applicable (by the
// service's policy or for want of consent), ticked off here, with each visit's delta
// (applicable − done) and the client's mean.
class PostServiceDialog : public FormDialog
{
    Q_OBJECT

public:
    enum Column
    {
        VisitColumn,
        FirstStepColumn,
        DeltaColumn = FirstStepColumn + 5,
        ColumnCount
    };

    PostServiceDialog(Database& database, const Actor& actor, ClientId client,
                      const QString& clientName, QWidget* parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    QString loadError() const { return m_loadError; }
    QTreeWidget* visits() const { return m_visits; }

private:
    bool reload();
    void fill(QTreeWidgetItem* item, const VisitDelta& visit);
    void stepToggled(QTreeWidgetItem* item, int column);
    void showMean();

    PostServiceDelta m_delta;
    Actor m_actor;
    ClientId m_client;
    bool m_loaded = false;
    bool m_filling = false;
    QString m_loadError;
    QTreeWidget* m_visits;
    QLabel* m_mean;
    MessageLabel* m_message;
};

} // namespace aftercare::ui
