#include "common/widgetconventions.h"

#include <QAbstractItemModel>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTextEdit>

#include <memory>

namespace aftercare::ui {

namespace {

const char* const kInstalledName = "aftercareWidgetConventions";
const char* const kFittedProperty = "aftercareColumnsFitted";

bool isCtrlTab(const QKeyEvent* key)
{
    return key->key() == Qt::Key_Tab && key->modifiers() == Qt::ControlModifier;
}

// The notes field a key goes to, if it is one that can be typed into.
QWidget* editableNotes(QObject* object)
{
    if (auto* plain = qobject_cast<QPlainTextEdit*>(object))
        return plain->isReadOnly() ? nullptr : plain;
    if (auto* rich = qobject_cast<QTextEdit*>(object))
        return rich->isReadOnly() ? nullptr : rich;
    return nullptr;
}

void insertTab(QWidget* notes)
{
    if (auto* plain = qobject_cast<QPlainTextEdit*>(notes))
        plain->insertPlainText(QStringLiteral("\t"));
    else if (auto* rich = qobject_cast<QTextEdit*>(notes))
        rich->insertPlainText(QStringLiteral("\t"));
}

bool isUnansweredAltLetter(const QKeyEvent* key)
{
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    return (modifiers == Qt::AltModifier || modifiers == (Qt::AltModifier | Qt::ShiftModifier)) &&
           !key->text().isEmpty() && key->text().at(0).isPrint();
}

bool typesText(const QObject* object)
{
    return qobject_cast<const QLineEdit*>(object) ||
           qobject_cast<const QAbstractSpinBox*>(object) ||
           qobject_cast<const QPlainTextEdit*>(object) || qobject_cast<const QTextEdit*>(object);
}

bool hasRows(const QTableView* table)
{
    return table->model() && table->model()->rowCount(table->rootIndex()) > 0;
}

// The width the heading needs, as the header itself measures a section for its content.
int headingWidth(QHeaderView* header, int column)
{
    QStyleOptionHeader option;
    option.initFrom(header);
    option.section = column;
    option.orientation = Qt::Horizontal;
    option.text = header->model()->headerData(column, Qt::Horizontal).toString();
    if (header->isSortIndicatorShown())
        option.sortIndicator = QStyleOptionHeader::SortDown;
    return header->style()
        ->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header)
        .width();
}

// A stretched column gets what the others leave over, at least the header's minimum; when
// they leave nothing, it keeps the width it had. Either may be less than its heading
// ("Outcome" shown as "tco"): the minimum and that width are made its heading's width.
void keepStretchedHeadingsWhole(QTableView* table)
{
    QHeaderView* header = table->horizontalHeader();
    int minimum = header->minimumSectionSize();
    for (int column = 0; column < header->count(); ++column)
        if (!header->isSectionHidden(column) &&
            header->sectionResizeMode(column) == QHeaderView::Stretch)
            minimum = std::max(minimum, headingWidth(header, column));
    header->setMinimumSectionSize(minimum);
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column) ||
            header->sectionResizeMode(column) != QHeaderView::Stretch)
            continue;
        const int needed = headingWidth(header, column);
        if (header->sectionSize(column) >= needed)
            continue;
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        header->resizeSection(column, needed);
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    }
}

// Fits the table once it has rows: now, or when the first rows arrive.
void fitWhenFilled(QTableView* table)
{
    if (table->property(kFittedProperty).toBool() || !table->model())
        return;
    if (hasRows(table)) {
        table->setProperty(kFittedProperty, true);
        WidgetConventions::fitColumns(table);
        return;
    }
    QAbstractItemModel* model = table->model();
    auto connection = std::make_shared<QList<QMetaObject::Connection>>();
    QPointer<QTableView> guarded(table);
    auto retry = [guarded, connection] {
        if (!guarded || !hasRows(guarded))
            return;
        for (const QMetaObject::Connection& c : *connection)
            QObject::disconnect(c);
        // After the view has taken in the rows itself.
        QMetaObject::invokeMethod(
            guarded,
            [guarded] {
                if (guarded)
                    fitWhenFilled(guarded);
            },
            Qt::QueuedConnection);
    };
    *connection << QObject::connect(model, &QAbstractItemModel::modelReset, table, retry)
                << QObject::connect(model, &QAbstractItemModel::rowsInserted, table, retry)
                << QObject::connect(model, &QAbstractItemModel::layoutChanged, table, retry);
}

} // namespace

WidgetConventions::WidgetConventions(QObject* parent)
    : QObject(parent)
{
    setObjectName(QLatin1String(kInstalledName));
}

void WidgetConventions::install(QApplication& app)
{
    if (app.findChild<WidgetConventions*>(QLatin1String(kInstalledName),
                                          Qt::FindDirectChildrenOnly))
        return;
    app.installEventFilter(new WidgetConventions(&app));
}

void WidgetConventions::fitColumns(QTableView* table)
{
    QHeaderView* header = table->horizontalHeader();
    const int widest = std::max(160, table->viewport()->width() / 2);
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column) ||
            header->sectionResizeMode(column) != QHeaderView::Interactive)
            continue;
        if (header->stretchLastSection() && header->visualIndex(column) == header->count() - 1)
            continue;
        table->resizeColumnToContents(column);
        if (header->sectionSize(column) > widest)
            header->resizeSection(column, widest);
    }
}

bool WidgetConventions::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Polish:
        // Tab moves on to the next field, as in every other field of a form.
        if (auto* plain = qobject_cast<QPlainTextEdit*>(watched))
            plain->setTabChangesFocus(true);
        else if (auto* rich = qobject_cast<QTextEdit*>(watched))
            rich->setTabChangesFocus(true);
        break;
    case QEvent::ShortcutOverride: {
        // Ctrl+Tab belongs to the notes field, not to a shortcut of the window.
        auto* key = static_cast<QKeyEvent*>(event);
        if (isCtrlTab(key) && editableNotes(watched)) {
            key->accept();
            return true;
        }
        break;
    }
    case QEvent::KeyPress: {
        auto* key = static_cast<QKeyEvent*>(event);
        if (isCtrlTab(key)) {
            if (QWidget* notes = editableNotes(watched)) {
                insertTab(notes);
                return true;
            }
        }
        // An Alt letter that nothing on screen answers to (a hidden box's, a mistyped one)
        // reaches the field with the cursor, which would type the letter into a name. AltGr,
        // which types '@' and '€' on a German keyboard, does not come as Alt.
        if (isUnansweredAltLetter(key) && typesText(watched))
            return true;
        break;
    }
    case QEvent::Show:
        if (auto* table = qobject_cast<QTableView*>(watched)) {
            if (table->model())
                keepStretchedHeadingsWhole(table);
            fitWhenFilled(table);
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace aftercare::ui
