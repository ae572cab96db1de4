#include "drilldowndialog.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "drilldownmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace aftercare::ui {

DrilldownDialog::DrilldownDialog(const Database& database, const Actor& actor,
                                 const DrilldownQuery& query, const QString& title, QWidget* parent)
    : QDialog(parent)
    , m_model(new DrilldownModel(database, actor, this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("drilldownDialog"));
    setWindowTitle(
        tr("%1, %2 to %3").arg(title, dateText(query.period.from), dateText(query.period.to)));
    m_summary->setObjectName(QStringLiteral("drilldownSummary"));
    m_view->setObjectName(QStringLiteral("drilldownView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    // Only the columns the figure has: scores for answers, a detail where there is one.
    const bool answers = query.subject == DrilldownSubject::CsatResponses ||
                         query.subject == DrilldownSubject::NpsResponses;
    const bool detail = query.subject == DrilldownSubject::NpsResponses ||
                        query.subject == DrilldownSubject::SlaTasks ||
                        query.subject == DrilldownSubject::NewClients;
    m_view->setColumnHidden(DrilldownModel::ScoreColumn, !answers);
    m_view->setColumnHidden(DrilldownModel::DetailColumn, !detail);
    auto* message = new MessageLabel(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(message);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    m_model->setQuery(query);
    if (const Error* error = m_model->error()) {
        message->showError(error->message);
        m_summary->setText(tr("The list cannot be shown."));
    } else {
        m_summary->setText(tr("%1: %Ln rows", nullptr, int(m_model->totalRows())).arg(title));
    }
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    m_view->resizeColumnsToContents();
    resize(1000, 560);
    m_view->setFocus();
}

} // namespace aftercare::ui
