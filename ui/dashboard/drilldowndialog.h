#pragma once

#include <QDialog>

class QLabel;
class QTableView;

namespace aftercare {
class Database;
struct Actor;
struct DrilldownQuery;
} // namespace aftercare

namespace aftercare::ui {

class DrilldownModel;

// The clients or appointments behind one figure of the dashboard, as a list that loads as it
// scrolls. Shows names, dates, scores, practitioner and service; never clinical content.
class DrilldownDialog : public QDialog
{
    Q_OBJECT

public:
    DrilldownDialog(const Database& database, const Actor& actor, const DrilldownQuery& query,
                    const QString& title, QWidget* parent = nullptr);

    DrilldownModel* model() const { return m_model; }

private:
    DrilldownModel* m_model;
    QLabel* m_summary;
    QTableView* m_view;
};

} // namespace aftercare::ui
