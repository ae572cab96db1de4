#include "drilldowndialog.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "drilldownmodel.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace aftercare::ui {

DrilldownDialog::DrilldownDialog(const Database& database, const Actor& actor,
                                 const DrilldownQuery& query, const QString& title, QWidget* parent)
    : QDialog(parent)
    , m_model(new DrilldownModel(database, actor, this))
    , m_summary(new QLabel(this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
    , m_export(new QPushButton(tr("&Export CSV…"), this))
    , m_fileStem(
          tr("list-%1-to-%2")
              .arg(query.period.from.toString(Qt::ISODate), query.period.to.toString(Qt::ISODate)))
{
    setObjectName(QStringLiteral("drilldownDialog"));
    setWindowTitle(
        tr("%1, %2 to %3").arg(title, dateText(query.period.from), dateText(query.period.to)));
    m_summary->setObjectName(QStringLiteral("drilldownSummary"));
    m_view->setObjectName(QStringLiteral("drilldownView"));
    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_export->setToolTip(tr("Save every row of the list, in this order, as a CSV file"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Double-click a row or press Enter to open the client's profile"));
    // Oldest first until a header is clicked; the model sorts in SQL.
    m_view->horizontalHeader()->setSortIndicator(DrilldownModel::WhenColumn, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    // Only the columns the figure has: scores for answers, a detail where there is one.
    const bool answers = query.subject == DrilldownSubject::CsatResponses ||
                         query.subject == DrilldownSubject::NpsResponses;
    const bool detail = query.subject == DrilldownSubject::NpsResponses ||
                        query.subject == DrilldownSubject::SlaTasks ||
                        query.subject == DrilldownSubject::NewClients;
    m_view->setColumnHidden(DrilldownModel::ScoreColumn, !answers);
    m_view->setColumnHidden(DrilldownModel::DetailColumn, !detail);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    // Enter in the list opens the client's profile; it must not also press a button.
    for (QAbstractButton* button : buttons->buttons())
        if (auto* push = qobject_cast<QPushButton*>(button))
            push->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &DrilldownDialog::exportCsv);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid() && index.row() < m_model->rowCount())
            emit clientActivated(m_model->rowAt(index.row()).client);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    m_model->setQuery(query);
    if (const Error* error = m_model->error()) {
        m_message->showError(error->message);
        m_summary->setText(tr("The list cannot be shown."));
        m_export->setEnabled(false);
    } else {
        m_summary->setText(tr("%1: %Ln rows", nullptr, int(m_model->totalRows())).arg(title));
        m_export->setEnabled(m_model->totalRows() > 0);
    }
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    m_view->resizeColumnsToContents();
    resize(1000, 560);
    m_view->setFocus();
}

QList<int> DrilldownDialog::visibleColumns() const
{
    QList<int> columns;
    for (int column = 0; column < m_model->columnCount(); ++column)
        if (!m_view->isColumnHidden(column))
            columns << column;
    return columns;
}

Status DrilldownDialog::writeCsv(const QString& path) const
{
    auto bytes = m_model->csv(visibleColumns());
    if (!bytes)
        return fail(bytes.error());
    // Written to a temporary file and renamed, so a failed export leaves no half a list.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        return fail(
            Error{ErrorKind::Io,
                  tr("The list could not be written to %1: %2").arg(path, file.errorString())});
    return {};
}

void DrilldownDialog::exportCsv()
{
    auto* dialog = new QFileDialog(this, tr("Export the list as CSV"),
                                   m_fileStem + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportCsvDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        if (auto written = writeCsv(path); !written)
            m_message->showError(written.error().message);
        else
            m_message->showSuccess(
                tr("%n row(s) saved as %1.", nullptr, int(m_model->totalRows())).arg(path));
    });
    dialog->open();
}

} // namespace aftercare::ui
