// gui
#include "appearance.h"
#include "common/widgetconventions.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolTip>
#include <QVBoxLayout>

#include <map>

using namespace aftercare::ui;

Q_DECLARE_METATYPE(aftercare::ui::Appearance)

namespace {

int lightness(QRgb pixel)
{
    return qGray(pixel);
}

// The colour most of the area has (its background), and how far in lightness the pixel that
// differs most from it lies: text that can be read stands out by a good part of 255.
struct Contrast
{
    QColor background;
    int strongest = 0;
};

Contrast contrastIn(const QImage& image, QRect area)
{
    area = area.intersected(image.rect());
    std::map<QRgb, int> counts;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000];
    Contrast result;
    int most = 0;
    for (const auto& [colour, count] : counts) {
        if (count > most) {
            most = count;
            result.background = QColor::fromRgb(colour);
        }
    }
    const int base = lightness(result.background.rgb());
    for (const auto& [colour, count] : counts)
        result.strongest = std::max(result.strongest, std::abs(lightness(colour) - base));
    return result;
}

QImage grabbed(QWidget* widget)
{
    return widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// The area in device pixels of the grab.
QRect scaled(const QRect& rect, const QWidget* widget)
{
    const qreal ratio = widget->devicePixelRatioF();
    return QRect((rect.topLeft() * ratio), rect.size() * ratio);
}

QString describe(const Contrast& c)
{
    return QStringLiteral("background %1, strongest difference %2")
        .arg(c.background.name())
        .arg(c.strongest);
}

constexpr int kReadable = 110; // of 255 in lightness

} // namespace

class TestGuiLook : public QObject
{
    Q_OBJECT

private slots:
    void chooseFollowsTheDesktop();
    void everyColourWordIsFilled_data();
    void everyColourWordIsFilled();

    void comboListDropsWithManyReadableRows_data();
    void comboListDropsWithManyReadableRows();
    void menuHighlightIsReadable_data();
    void menuHighlightIsReadable();
    void tableSelectionIsReadable_data();
    void tableSelectionIsReadable();
    void fieldsAndButtonsAreReadable_data();
    void fieldsAndButtonsAreReadable();
    void tooltipIsReadable_data();
    void tooltipIsReadable();
    void scrollBarThumbIsVisible_data();
    void scrollBarThumbIsVisible();
    void fileDialogPlacesAreReadable_data();
    void fileDialogPlacesAreReadable();
    void tableColumnsFitTheirContentOnFirstShow();

private:
    void apply(Appearance appearance);
    void addAppearances();
};

void TestGuiLook::apply(Appearance appearance)
{
    qApp->setStyle(QStringLiteral("Fusion"));
    qApp->setPalette(paletteFor(appearance));
    qApp->setStyleSheet(styleSheetFor(appearance));
}

void TestGuiLook::addAppearances()
{
    QTest::addColumn<Appearance>("appearance");
    QTest::newRow("light") << Appearance::Light;
    QTest::newRow("dark") << Appearance::Dark;
}

void TestGuiLook::chooseFollowsTheDesktop()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::WindowText, QColor(0x10, 0x10, 0x10));
    qunsetenv("AFTERCARE_APPEARANCE");
    QCOMPARE(chooseAppearance(dark), Appearance::Dark);
    QCOMPARE(chooseAppearance(light), Appearance::Light);
    qputenv("AFTERCARE_APPEARANCE", "light");
    QCOMPARE(chooseAppearance(dark), Appearance::Light);
    qputenv("AFTERCARE_APPEARANCE", "dark");
    QCOMPARE(chooseAppearance(light), Appearance::Dark);
    qunsetenv("AFTERCARE_APPEARANCE");
    // The palette and the stylesheet agree on which look it is.
    QVERIFY(paletteFor(Appearance::Dark).color(QPalette::Window).lightness() < 80);
    QVERIFY(paletteFor(Appearance::Light).color(QPalette::Window).lightness() > 200);
}

void TestGuiLook::everyColourWordIsFilled_data()
{
    addAppearances();
}

void TestGuiLook::everyColourWordIsFilled()
{
    QFETCH(Appearance, appearance);
    const QString sheet = styleSheetFor(appearance);
    QVERIFY(sheet.contains(QLatin1String("QComboBox")));
    static const QRegularExpression word(QStringLiteral("@[A-Za-z]+"));
    const QRegularExpressionMatch left = word.match(sheet);
    QVERIFY2(!left.hasMatch(), qPrintable(left.captured(0)));
}

void TestGuiLook::comboListDropsWithManyReadableRows_data()
{
    addAppearances();
}

void TestGuiLook::comboListDropsWithManyReadableRows()
{
    QFETCH(Appearance, appearance);
    apply(appearance);
    QWidget window;
    window.resize(400, 700);
    auto* layout = new QVBoxLayout(&window);
    auto* combo = new QComboBox(&window);
    for (int i = 1; i <= 15; ++i)
        combo->addItem(QStringLiteral("Practitioner number %1").arg(i));
    layout->addWidget(combo);
    layout->addStretch(1);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    combo->setCurrentIndex(3);

    combo->showPopup();
    QAbstractItemView* list = combo->view();
    QTRY_VERIFY(list->isVisible());

    // As many rows as it may show (ten), each as tall as its text needs.
    const int rowHeight = list->visualRect(list->model()->index(0, 0)).height();
    QVERIFY2(rowHeight >= combo->fontMetrics().height(), qPrintable(QString::number(rowHeight)));
    const int rows = list->viewport()->height() / rowHeight;
    QVERIFY2(rows >= combo->maxVisibleItems() - 1, qPrintable(QString::number(rows)));

    // The highlighted item and a plain one can both be read.
    const QImage image = grabbed(list->viewport());
    const QModelIndex current = list->currentIndex();
    QCOMPARE(current.row(), 3);
    const Contrast highlighted = contrastIn(image, scaled(list->visualRect(current), list));
    QVERIFY2(highlighted.strongest >= kReadable, qPrintable(describe(highlighted)));
    QCOMPARE(highlighted.background.name(),
             paletteFor(appearance).color(QPalette::Highlight).name());
    const Contrast plain =
        contrastIn(image, scaled(list->visualRect(list->model()->index(5, 0)), list));
    QVERIFY2(plain.strongest >= kReadable, qPrintable(describe(plain)));
    // A list below the box, not a menu laid over it: the click that opens it cannot land on
    // an item and close it again.
    QStyleOptionComboBox option;
    option.initFrom(combo);
    QVERIFY(!combo->style()->styleHint(QStyle::SH_ComboBox_Popup, &option, combo));
    QVERIFY(list->window()->mapToGlobal(QPoint(0, 0)).y() >=
            combo->mapToGlobal(QPoint(0, combo->height())).y() - 2);
    combo->hidePopup();

    const Contrast closed =
        contrastIn(grabbed(combo), scaled(combo->rect().adjusted(3, 3, -24, -3), combo));
    QVERIFY2(closed.strongest >= kReadable, qPrintable(describe(closed)));
}

void TestGuiLook::menuHighlightIsReadable_data()
{
    addAppearances();
}

void TestGuiLook::menuHighlightIsReadable()
{
    QFETCH(Appearance, appearance);
    apply(appearance);
    QMenu menu;
    menu.addAction(QStringLiteral("Find client"));
    QAction* lock = menu.addAction(QStringLiteral("Lock now"));
    menu.addAction(QStringLiteral("Sign out"));
    menu.popup(QPoint(100, 100));
    QVERIFY(QTest::qWaitForWindowExposed(&menu));
    menu.setActiveAction(lock);
    const QImage image = grabbed(&menu);
    const Contrast active = contrastIn(image, scaled(menu.actionGeometry(lock), &menu));
    QVERIFY2(active.strongest >= kReadable, qPrintable(describe(active)));
    QCOMPARE(active.background.name(), paletteFor(appearance).color(QPalette::Highlight).name());
    const Contrast other =
        contrastIn(image, scaled(menu.actionGeometry(menu.actions().first()), &menu));
    QVERIFY2(other.strongest >= kReadable, qPrintable(describe(other)));
}

void TestGuiLook::tableSelectionIsReadable_data()
{
    addAppearances();
}

void TestGuiLook::tableSelectionIsReadable()
{
    QFETCH(Appearance, appearance);
    apply(appearance);
    QTableWidget table(4, 2);
    table.setHorizontalHeaderLabels({QStringLiteral("Client"), QStringLiteral("Due")});
    for (int r = 0; r < 4; ++r) {
        table.setItem(r, 0, new QTableWidgetItem(QStringLiteral("Anna Adler %1").arg(r)));
        table.setItem(r, 1, new QTableWidgetItem(QStringLiteral("12.05.2026")));
    }
    table.setSelectionBehavior(QAbstractItemView::SelectRows);
    table.setAlternatingRowColors(true);
    table.resize(400, 240);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    table.selectRow(1);
    const QImage image = grabbed(table.viewport());
    const Contrast selected =
        contrastIn(image, scaled(table.visualRect(table.model()->index(1, 0)), &table));
    QVERIFY2(selected.strongest >= kReadable, qPrintable(describe(selected)));
    QCOMPARE(selected.background.name(), paletteFor(appearance).color(QPalette::Highlight).name());
    for (int row : {2, 3}) {
        const Contrast plain =
            contrastIn(image, scaled(table.visualRect(table.model()->index(row, 0)), &table));
        QVERIFY2(plain.strongest >= kReadable, qPrintable(describe(plain)));
    }
    QHeaderView* header = table.horizontalHeader();
    const Contrast heading = contrastIn(
        grabbed(header), scaled(QRect(0, 0, header->sectionSize(0), header->height()), header));
    QVERIFY2(heading.strongest >= kReadable, qPrintable(describe(heading)));
}

void TestGuiLook::fieldsAndButtonsAreReadable_data()
{
    QTest::addColumn<Appearance>("appearance");
    QTest::addColumn<QString>("kind");
    for (const auto& [name, appearance] :
         {std::pair{"light", Appearance::Light}, std::pair{"dark", Appearance::Dark}}) {
        for (const char* kind :
             {"line edit", "read-only line edit", "spin box", "date edit", "button",
              "default button", "check box", "tab", "label", "heading"})
            QTest::addRow("%s %s", name, kind) << appearance << QString::fromLatin1(kind);
    }
}

void TestGuiLook::fieldsAndButtonsAreReadable()
{
    QFETCH(Appearance, appearance);
    QFETCH(QString, kind);
    apply(appearance);
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    QWidget* widget = nullptr;
    QRect area;
    if (kind == QLatin1String("line edit") || kind == QLatin1String("read-only line edit")) {
        auto* edit = new QLineEdit(QStringLiteral("Anna Adler"), &window);
        edit->setReadOnly(kind.startsWith(u'r'));
        widget = edit;
    } else if (kind == QLatin1String("spin box")) {
        auto* spin = new QSpinBox(&window);
        spin->setValue(42);
        widget = spin;
    } else if (kind == QLatin1String("date edit")) {
        widget = new QDateEdit(QDate(2026, 5, 12), &window);
    } else if (kind == QLatin1String("button")) {
        widget = new QPushButton(QStringLiteral("Open profile"), &window);
    } else if (kind == QLatin1String("default button")) {
        auto* button = new QPushButton(QStringLiteral("Save client"), &window);
        button->setDefault(true);
        widget = button;
    } else if (kind == QLatin1String("check box")) {
        widget = new QCheckBox(QStringLiteral("Appointment reminders"), &window);
    } else if (kind == QLatin1String("tab")) {
        auto* tabs = new QTabWidget(&window);
        tabs->addTab(new QWidget, QStringLiteral("Details"));
        tabs->addTab(new QWidget, QStringLiteral("Consents"));
        widget = tabs->tabBar();
        layout->addWidget(tabs);
    } else if (kind == QLatin1String("label")) {
        widget = new QLabel(QStringLiteral("Signed in: Dana Desk"), &window);
    } else {
        auto* label = new QLabel(QStringLiteral("Today"), &window);
        label->setObjectName(QStringLiteral("pageHeading"));
        widget = label;
    }
    if (widget->parentWidget() == &window)
        layout->addWidget(widget);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (auto* tabs = qobject_cast<QTabBar*>(widget)) {
        for (int i = 0; i < tabs->count(); ++i) {
            const Contrast tab = contrastIn(grabbed(tabs), scaled(tabs->tabRect(i), tabs));
            QVERIFY2(tab.strongest >= kReadable, qPrintable(QString::number(i) + describe(tab)));
        }
        return;
    }
    area = widget->rect().adjusted(2, 2, -2, -2);
    if (qobject_cast<QAbstractSpinBox*>(widget))
        area.setRight(area.right() - 20); // the text, not the arrows
    const Contrast c = contrastIn(grabbed(widget), scaled(area, widget));
    QVERIFY2(c.strongest >= kReadable, qPrintable(describe(c)));
}

void TestGuiLook::tooltipIsReadable_data()
{
    addAppearances();
}

void TestGuiLook::tooltipIsReadable()
{
    QFETCH(Appearance, appearance);
    apply(appearance);
    QPushButton anchor(QStringLiteral("Lock"));
    anchor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&anchor));
    QToolTip::showText(anchor.mapToGlobal(QPoint(5, 5)),
                       QStringLiteral("Hide everything until you sign in again (Ctrl+L)"), &anchor);
    QWidget* tip = nullptr;
    QTRY_VERIFY((tip = [] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (w->inherits("QTipLabel") && w->isVisible())
                return w;
        return static_cast<QWidget*>(nullptr);
    }()));
    const Contrast c = contrastIn(grabbed(tip), scaled(tip->rect(), tip));
    QVERIFY2(c.strongest >= kReadable, qPrintable(describe(c)));
    QToolTip::hideText();
}

void TestGuiLook::scrollBarThumbIsVisible_data()
{
    addAppearances();
}

void TestGuiLook::scrollBarThumbIsVisible()
{
    QFETCH(Appearance, appearance);
    apply(appearance);
    QListWidget list;
    for (int i = 0; i < 200; ++i)
        list.addItem(QStringLiteral("Row %1").arg(i));
    list.resize(300, 200);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QScrollBar* bar = list.verticalScrollBar();
    QVERIFY(bar->isVisible());
    const Contrast c = contrastIn(grabbed(bar), scaled(bar->rect(), bar));
    QVERIFY2(c.strongest >= 40, qPrintable(describe(c)));
}

void TestGuiLook::fileDialogPlacesAreReadable_data()
{
    addAppearances();
}

void TestGuiLook::fileDialogPlacesAreReadable()
{
    QFETCH(Appearance, appearance);
    apply(appearance);
    QFileDialog dialog(nullptr, QStringLiteral("Save welcome pack"), QDir::homePath());
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setSidebarUrls(
        {QUrl::fromLocalFile(QDir::homePath()), QUrl::fromLocalFile(QDir::rootPath())});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* places = dialog.findChild<QListView*>(QStringLiteral("sidebar"));
    QVERIFY(places);
    QVERIFY(places->model()->rowCount() >= 2);
    const QImage image = grabbed(places->viewport());
    const Contrast c =
        contrastIn(image, scaled(places->visualRect(places->model()->index(1, 0)), places));
    QVERIFY2(c.strongest >= kReadable, qPrintable(describe(c)));
    // The places sit on the same ground as the file list beside them.
    QCOMPARE(c.background.name(), paletteFor(appearance).color(QPalette::Base).name());
}

void TestGuiLook::tableColumnsFitTheirContentOnFirstShow()
{
    apply(Appearance::Light);
    WidgetConventions::install(*qApp);
    const QStringList headings{QStringLiteral("Client"), QStringLiteral("Last recall call"),
                               QStringLiteral("Service")};
    const QStringList cells{QStringLiteral("Johanna Öztürk-Schröder"), QStringLiteral("x"),
                            QStringLiteral("Physiotherapy session")};
    auto fits = [&](QTableView& table) {
        const QFontMetrics text(table.font());
        const QFontMetrics heading(table.horizontalHeader()->font());
        for (int column = 0; column < 3; ++column) {
            const int width = table.columnWidth(column);
            if (width < text.horizontalAdvance(cells[column]) + 8 ||
                width < heading.horizontalAdvance(headings[column]) + 8)
                return false;
        }
        return true;
    };

    // Rows there when the table first shows.
    QStandardItemModel filled(0, 3);
    filled.setHorizontalHeaderLabels(headings);
    for (int r = 0; r < 3; ++r) {
        QList<QStandardItem*> row;
        for (const QString& cell : cells)
            row << new QStandardItem(cell);
        filled.appendRow(row);
    }
    QTableView shown;
    shown.setModel(&filled);
    shown.resize(900, 300);
    shown.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shown));
    QVERIFY2(fits(shown), qPrintable(QString::number(shown.columnWidth(0))));

    // Rows that arrive after it showed (a list loaded from the database).
    QStandardItemModel later(0, 3);
    later.setHorizontalHeaderLabels(headings);
    QTableView waiting;
    waiting.setModel(&later);
    waiting.resize(900, 300);
    waiting.show();
    QVERIFY(QTest::qWaitForWindowExposed(&waiting));
    QList<QStandardItem*> row;
    for (const QString& cell : cells)
        row << new QStandardItem(cell);
    later.appendRow(row);
    QTRY_VERIFY(fits(waiting));
    // Once fitted, the user's widths are kept when more rows come.
    waiting.setColumnWidth(2, 300);
    later.appendRow({new QStandardItem(QStringLiteral("A")), new QStandardItem(QStringLiteral("B")),
                     new QStandardItem(QStringLiteral("C"))});
    QTest::qWait(50);
    QCOMPARE(waiting.columnWidth(2), 300);

    // A stretched column beside columns sized to their content keeps its heading whole,
    // however narrow the window.
    QTableView narrow;
    narrow.setModel(&filled);
    narrow.horizontalHeader()->setStretchLastSection(false);
    narrow.horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    narrow.horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    narrow.resize(380, 300);
    narrow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&narrow));
    const QFontMetrics heading(narrow.horizontalHeader()->font());
    QTRY_VERIFY2(narrow.columnWidth(1) >= heading.horizontalAdvance(headings[1]) + 8,
                 qPrintable(QString::number(narrow.columnWidth(1))));
}

QTEST_MAIN(TestGuiLook)
#include "tst_gui_look.moc"
