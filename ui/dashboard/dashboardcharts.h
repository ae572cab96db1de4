#pragma once

#include "metrics/metricdrilldown.h"

#include <QTabWidget>

class QChart;
class QChartView;
class QTableWidget;

namespace aftercare::ui {

struct DashboardData;

// The dashboard's charts on three tabs (satisfaction, clients, follow-up), built from the
// computed data only, with the cohorts as a grid of months × 3 / 6 / 12 months shaded by their
// share. Pointing at a point or bar shows its value; clicking it (double-clicking a cohort
// cell) asks for the rows behind it.
class DashboardCharts : public QTabWidget
{
    Q_OBJECT

public:
    enum CohortColumn
    {
        CohortClientsColumn,
        Cohort3Column,
        Cohort6Column,
        Cohort12Column,
        CohortColumnCount
    };

    explicit DashboardCharts(QWidget* parent = nullptr);

    void showData(const DashboardData& data);

signals:
    // A drill-down for the figure clicked; the caller adds the filter and "now".
    void drilldownRequested(const aftercare::DrilldownQuery& query, const QString& title);

private:
    QChartView* addView(QWidget* page, const QString& objectName);
    void csatChart(const DashboardData& data);
    void npsChart(const DashboardData& data);
    void retentionChart(const DashboardData& data);
    void cohortGrid(const DashboardData& data);
    void referralChart(const DashboardData& data);
    void slaChart(const DashboardData& data);
    void postServiceChart(const DashboardData& data);
    void appointmentChart(const DashboardData& data);
    // The month of a series at a clicked x position (an index into the monthly series).
    Period monthAt(double x) const;

    QObject* m_tips; // the values under the pointer, for every view
    std::vector<Period> m_months;
    Period m_period;
    QChartView* m_csat;
    QChartView* m_nps;
    QChartView* m_retention;
    QTableWidget* m_cohorts;
    std::vector<QDate> m_cohortMonths;
    QChartView* m_referral;
    QChartView* m_sla;
    QChartView* m_postService;
    QChartView* m_appointments;
};

} // namespace aftercare::ui
