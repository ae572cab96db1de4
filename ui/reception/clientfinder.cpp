#include "reception/clientfinder.h"

#include "reception/clientmatchmodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace aftercare::ui {

ClientFinder::ClientFinder(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_model(new ClientMatchModel(database, this))
    , m_search(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_newClient(new QPushButton(tr("&New client… (Ctrl+N)"), this))
    , m_results(new QTableView(this))
    , m_typingPause(new QTimer(this))
{
    setObjectName(QStringLiteral("clientFinder"));
    m_search->setObjectName(QStringLiteral("clientSearchEdit"));
    m_summary->setObjectName(QStringLiteral("searchSummaryLabel"));
    m_results->setObjectName(QStringLiteral("clientResultsView"));

    m_search->setPlaceholderText(tr("Name, date of birth, phone, e-mail or client number"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find a client"));
    m_summary->setWordWrap(true);
    m_newClient->setObjectName(QStringLiteral("newClientButton"));
    m_newClient->setVisible(false);
    connect(m_newClient, &QPushButton::clicked, this,
            [this] { emit newClientRequested(m_search->text().trimmed()); });

    m_results->setModel(m_model);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setAlternatingRowColors(true);
    m_results->setShowGrid(false);
    m_results->setWordWrap(false);
    m_results->verticalHeader()->setVisible(false);
    m_results->setTabKeyNavigation(false);
    m_results->setAccessibleName(tr("Matching clients"));
    QHeaderView* header = m_results->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClientMatchModel::NameColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 8);

    auto* label = new QLabel(tr("&Find client:"), this);
    label->setObjectName(QStringLiteral("findClientLabel"));
    label->setBuddy(m_search);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_summary);
    layout->addWidget(m_newClient, 0, Qt::AlignLeft);
    layout->addWidget(m_results, 1);

    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(kTypingPauseMs);
    connect(m_search, &QLineEdit::textChanged, m_typingPause, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textEdited, this, &ClientFinder::searchEdited);
    connect(m_typingPause, &QTimer::timeout, this, &ClientFinder::searchNow);
    connect(m_results, &QTableView::activated, this,
            [this](const QModelIndex& index) { activateRow(index.row()); });
    connect(m_model, &ClientMatchModel::searchFailed, this, [this](const QString& message) {
        m_summary->setText(message);
        m_summary->setProperty("messageKind", QStringLiteral("error"));
    });
    // Scrolling to the end fetches the next page; the summary counts it.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ClientFinder::showSummary);
    m_search->installEventFilter(this);
    m_results->installEventFilter(this);
    setFocusProxy(m_search);
    showSummary();
}

void ClientFinder::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ClientFinder::setCompact(bool compact)
{
    for (int column : {ClientMatchModel::PhoneColumn, ClientMatchModel::ExternalIdColumn,
                       ClientMatchModel::PractitionerColumn})
        m_results->setColumnHidden(column, compact);
}

void ClientFinder::searchNow()
{
    m_typingPause->stop();
    if (m_model->search(m_search->text()))
        showSummary();
    if (m_model->rowCount() > 0)
        m_results->selectRow(0);
}

void ClientFinder::showSummary()
{
    const SearchText& text = m_model->searchText();
    const int rows = m_model->rowCount();
    QString summary;
    switch (text.kind) {
    case SearchText::Kind::Empty:
        summary = tr(
            "Type a name (“Müller, Anna” or “Anna Mü”), a date of birth, a phone number, an e-mail "
            "address or a client number. Ctrl+K brings you here from anywhere.");
        break;
    case SearchText::Kind::PartialDate:
        summary = tr("Keep typing the date of birth: day.month.year, e.g. 12.03.1985.");
        break;
    case SearchText::Kind::InvalidDate:
        summary = tr("There is no such date.");
        break;
    case SearchText::Kind::TooShort:
        summary = tr("Type at least three digits of the phone number.");
        break;
    default:
        if (rows == 0)
            summary = tr("No client matches “%1”. Press Enter to register a new client.")
                          .arg(m_search->text().trimmed());
        else if (m_model->canFetchMore({}))
            summary = tr("The first %n matching clients. Press Enter to open the highlighted one.",
                         nullptr, rows);
        else
            summary =
                tr("%n matching clients. Press Enter to open the highlighted one.", nullptr, rows);
        break;
    }
    m_summary->setText(summary);
    m_summary->setProperty("messageKind", QStringLiteral("info"));
    m_newClient->setVisible(rows == 0 && text.kind != SearchText::Kind::Empty);
}

QString ClientFinder::searchText() const
{
    return m_search->text().trimmed();
}

void ClientFinder::activateRow(int row)
{
    const ClientId id = m_model->clientAt(row);
    if (id.isValid())
        emit clientActivated(id);
}

bool ClientFinder::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_search) {
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter: {
            // Enter right after typing must not open the match of the previous letters.
            if (m_typingPause->isActive())
                searchNow();
            if (m_model->rowCount() == 0 && m_newClient->isVisible()) {
                emit newClientRequested(m_search->text().trimmed());
                return true;
            }
            const QModelIndex current = m_results->currentIndex();
            activateRow(current.isValid() ? current.row() : 0);
            return true;
        }
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (m_typingPause->isActive())
                searchNow();
            if (m_model->rowCount() > 0) {
                m_results->setFocus(Qt::TabFocusReason);
                const int row =
                    m_results->currentIndex().isValid() ? m_results->currentIndex().row() : 0;
                m_results->selectRow(std::min(row + (m_results->currentIndex().isValid() ? 1 : 0),
                                              m_model->rowCount() - 1));
            }
            return true;
        case Qt::Key_Escape:
            if (!m_search->text().isEmpty()) {
                m_search->clear();
                return true;
            }
            break;
        default:
            break;
        }
    } else if (watched == m_results) {
        const bool atTop =
            !m_results->currentIndex().isValid() || m_results->currentIndex().row() == 0;
        if ((key->key() == Qt::Key_Up && atTop) || key->key() == Qt::Key_Escape) {
            focusSearch();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            activateRow(m_results->currentIndex().row());
            return true;
        }
        // Typing in the list goes on in the search field.
        if (!key->text().isEmpty() && key->text().at(0).isPrint() &&
            !(key->modifiers() & Qt::ControlModifier)) {
            m_search->setFocus(Qt::OtherFocusReason);
            m_search->insert(key->text());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace aftercare::ui
