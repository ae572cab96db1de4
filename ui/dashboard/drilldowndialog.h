#pragma once

#include "domain/ids.h"
#include "error.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace aftercare {
class Database;
struct Actor;
struct DrilldownQuery;
} // namespace aftercare

namespace aftercare::ui {

class DrilldownModel;
class MessageLabel;

// The clients or appointments behind one figure of the dashboard, as a list that loads as it
// scrolls, sorted by a click on a column's header (in SQL, so the order holds for rows not
// read yet), saved as CSV, and opening a client's profile on a double-click or Enter. Shows
// names, dates, scores, practitioner and service; never clinical content.
class DrilldownDialog : public QDialog
{
    Q_OBJECT

public:
    DrilldownDialog(const Database& database, const Actor& actor, const DrilldownQuery& query,
                    const QString& title, QWidget* parent = nullptr);

    DrilldownModel* model() const { return m_model; }
    // Writes every row of the list, in its order and with its visible columns, to path.
    Status writeCsv(const QString& path) const;

signals:
    void clientActivated(aftercare::ClientId client);

private:
    void exportCsv();
    QList<int> visibleColumns() const;

    DrilldownModel* m_model;
    QLabel* m_summary;
    MessageLabel* m_message;
    QTableView* m_view;
    QPushButton* m_export;
    QString m_fileStem;
};

} // namespace aftercare::ui
