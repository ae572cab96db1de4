#pragma once

#include "auth/actor.h"
#include "dashboarddata.h"
#include "metrics/headlinefigure.h"
#include "metrics/metricdrilldown.h"
#include "workspace.h"

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class DashboardCharts;
class DashboardLoader;
class MessageLabel;
class MetricTile;
class PeriodPicker;

// The manager's dashboard: a period and filters, a tile per figure (value, change against the
// previous period and whether that is good, n, the formula in the tooltip), the charts and the
// cohort grid, a drill-down behind the tiles and charts, and the monthly report's print
// preview and PDF. A period that is not over yet shows its days so far against the same days
// of the period before. Figures are computed on a worker thread (DashboardLoader),
// so the window stays usable while a large practice is counted.
class DashboardWorkspace : public Workspace
{
    Q_OBJECT

public:
    DashboardWorkspace(Database& database, const Actor& actor, QWidget* parent = nullptr);

    PeriodPicker* periodPicker() const { return m_period; }
    // The data on screen, once the first computation has arrived.
    const std::optional<DashboardData>& data() const { return m_data; }
    bool isBusy() const;

    // Opens the drill-down of query (the dashboard's filter and "now" are added).
    void openDrilldown(DrilldownQuery query, const QString& title);

    // The moment the figures are counted at: which period is not over yet, which tasks are
    // not due yet. The clock by default; tests fix it.
    void setNow(const QDateTime& now);
    QDateTime now() const;
    // "1–7 Dec 2026 so far, compared with 1–7 Nov 2026" above the tiles.
    QString comparisonText() const;

protected:
    void showEvent(QShowEvent* event) override;

signals:
    // Emitted whenever fresh figures are on screen (tests wait for it).
    void refreshed();
    void drilldownOpened(QWidget* dialog);

private:
    void loadFilters();
    void scheduleRefresh();
    void refresh();
    void showData(const DashboardData& data);
    void setBusy(bool busy);
    MetricFilter filter() const;
    MetricTile* addTile(const QString& key, HeadlineFigure figure, const QString& caption,
                        std::optional<DrilldownSubject> subject);
    void printPreview();
    void savePdf();

    Database& m_database;
    Actor m_actor;
    DashboardLoader* m_loader;
    PeriodPicker* m_period;
    QComboBox* m_practitioner;
    QComboBox* m_serviceType;
    QComboBox* m_referralSource;
    QLabel* m_busy;
    QLabel* m_comparedWith;
    QDateTime m_now; // invalid: the clock
    QPushButton* m_preview;
    QPushButton* m_save;
    MessageLabel* m_message;
    std::vector<MetricTile*> m_tiles;
    DashboardCharts* m_charts;
    QTimer* m_debounce;
    std::optional<DashboardData> m_data;
};

} // namespace aftercare::ui
