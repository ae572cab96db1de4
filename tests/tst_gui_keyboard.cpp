// gui
#include "admin/adduserdialog.h"
#include "admin/resetpassworddialog.h"
#include "appearance.h"
#include "common/mnemonics.h"
#include "common/widgetconventions.h"
#include "dashboard/drilldowndialog.h"
#include "desk/bookingdesk.h"
#include "deskpractice.h"
#include "followup/calldialog.h"
#include "followup/postservicedialog.h"
#include "followup/resultdialog.h"
#include "followup/summarytemplatedialog.h"
#include "mainwindow.h"
#include "metrics/metricdrilldown.h"
#include "reception/bookingdialog.h"
#include "reception/onboardingdialog.h"
#include "reception/receptionworkspace.h"
#include "reception/welcomepackdialog.h"
#include "repositories/userrepository.h"
#include "signin/firstrundialog.h"
#include "signin/session.h"
#include "signin/signindialog.h"
#include "testdatabase.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabBar>
#include <QTest>
#include <QVBoxLayout>

#include <map>
#include <memory>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

// One key a window answers to, and who answers.
struct Binding
{
    QKeySequence key;
    QString owner;
    // The pages of stacks (and tabs) the owner lies on: two owners on different pages of one
    // stack are never on screen together, so they may share a key.
    std::map<const QStackedWidget*, int> pages;
};

QString describe(const QObject* object, const QString& text)
{
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(object->metaObject()->className()), text, object->objectName());
}

std::map<const QStackedWidget*, int> pagesOf(const QWidget* widget, const QWidget* window)
{
    std::map<const QStackedWidget*, int> pages;
    for (const QWidget* child = widget; child && child != window; child = child->parentWidget()) {
        if (const auto* stack = qobject_cast<const QStackedWidget*>(child->parentWidget()))
            pages[stack] = stack->indexOf(const_cast<QWidget*>(child));
    }
    return pages;
}

bool seenTogether(const Binding& a, const Binding& b)
{
    for (const auto& [stack, page] : a.pages) {
        const auto other = b.pages.find(stack);
        if (other != b.pages.end() && other->second != page)
            return false;
    }
    return true;
}

QKeySequence altKey(QChar letter)
{
    return QKeySequence(QStringLiteral("Alt+") + letter.toUpper());
}

// Every Alt letter and shortcut of the window, with the widget it belongs to.
std::vector<Binding> bindingsOf(QWidget* window)
{
    std::vector<Binding> bindings;
    auto add = [&](const QKeySequence& key, const QObject* owner, const QString& text,
                   const QWidget* where) {
        if (!key.isEmpty())
            bindings.push_back({key, describe(owner, text), pagesOf(where, window)});
    };
    auto addMnemonic = [&](const QString& text, const QObject* owner, const QWidget* where) {
        if (const QChar letter = mnemonicOf(text); !letter.isNull())
            add(altKey(letter), owner, text, where);
    };
    QList<QWidget*> widgets = window->findChildren<QWidget*>();
    widgets.prepend(window);
    for (QWidget* widget : widgets) {
        if (widget->window() != window)
            continue;
        if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            addMnemonic(button->text(), button, button);
            add(button->shortcut(), button, button->text(), button);
        } else if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy()) {
            addMnemonic(label->text(), label, label);
        } else if (auto* group = qobject_cast<QGroupBox*>(widget)) {
            addMnemonic(group->title(), group, group);
        } else if (auto* tabs = qobject_cast<QTabBar*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                addMnemonic(tabs->tabText(i), tabs, tabs);
        } else if (auto* bar = qobject_cast<QMenuBar*>(widget)) {
            for (QAction* menu : bar->actions())
                addMnemonic(menu->text(), bar, bar);
        }
        // Actions of the widget itself (a menu's items are reached through their menu's
        // widget, which lies in another window, so they are collected from the menu bar).
        if (!qobject_cast<QMenu*>(widget) && !qobject_cast<QAbstractButton*>(widget)) {
            for (QAction* action : widget->actions()) {
                if (action->shortcutContext() == Qt::WidgetShortcut)
                    continue;
                for (const QKeySequence& key : action->shortcuts())
                    add(key, action, action->text(), widget);
            }
        }
    }
    // Menu items answer to their shortcuts from anywhere in the window.
    for (QMenuBar* bar : window->findChildren<QMenuBar*>()) {
        if (bar->window() != window)
            continue;
        for (QAction* menu : bar->actions()) {
            if (!menu->menu())
                continue;
            for (QAction* action : menu->menu()->actions())
                if (!window->actions().contains(action))
                    for (const QKeySequence& key : action->shortcuts())
                        add(key, action, action->text(), bar);
        }
    }
    for (QShortcut* shortcut : window->findChildren<QShortcut*>()) {
        auto* parent = qobject_cast<QWidget*>(shortcut->parent());
        if (!parent || parent->window() != window || shortcut->context() == Qt::WidgetShortcut)
            continue;
        for (const QKeySequence& key : shortcut->keys())
            add(key, shortcut, key.toString(), parent);
    }
    return bindings;
}

QStringList clashesIn(QWidget* window)
{
    const std::vector<Binding> bindings = bindingsOf(window);
    QStringList clashes;
    for (std::size_t i = 0; i < bindings.size(); ++i)
        for (std::size_t j = i + 1; j < bindings.size(); ++j)
            if (bindings[i].key == bindings[j].key && bindings[i].owner != bindings[j].owner &&
                seenTogether(bindings[i], bindings[j]))
                clashes << QStringLiteral("%1 in %2: %3 and %4")
                               .arg(bindings[i].key.toString(), window->objectName(),
                                    bindings[i].owner, bindings[j].owner);
    clashes.removeDuplicates();
    for (const QString& clash : std::as_const(clashes))
        qWarning("%s", qPrintable(clash)); // the failure message is cut short
    return clashes;
}

// A password the strength check accepts (it refuses one that contains the user name).
const QString kPassword = QStringLiteral("Kastanie-Morgenrot-47");

User addUser(Database& db, const QString& name, Role role)
{
    UserRepository users(db);
    const auto id =
        users.create(Actor::system(), name, name + QStringLiteral(" Person"), role, kPassword);
    User user;
    if (id)
        if (auto found = users.get(*id))
            user = *found;
    return user;
}

} // namespace

class TestGuiKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mnemonicOfReadsTheMark_data();
    void mnemonicOfReadsTheMark();
    void clashIsFound();
    void mainWindowsHaveNoKeyTwice_data();
    void mainWindowsHaveNoKeyTwice();
    void dialogsHaveNoKeyTwice();
    void newClientFormAnswersAltKeys();
    void tabLeavesNotesField();
};

void TestGuiKeyboard::initTestCase()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    applyAppearance(*app);
    WidgetConventions::install(*app);
}

void TestGuiKeyboard::mnemonicOfReadsTheMark_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("letter");
    QTest::newRow("first") << QStringLiteral("&Save") << QStringLiteral("s");
    QTest::newRow("inside") << QStringLiteral("Sign &out") << QStringLiteral("o");
    QTest::newRow("literal ampersand") << QStringLiteral("A && B") << QString();
    QTest::newRow("after literal") << QStringLiteral("A && &B") << QStringLiteral("b");
    QTest::newRow("none") << QStringLiteral("Remove") << QString();
}

void TestGuiKeyboard::mnemonicOfReadsTheMark()
{
    QFETCH(QString, text);
    QFETCH(QString, letter);
    const QChar found = mnemonicOf(text);
    QCOMPARE(found.isNull() ? QString() : QString(found), letter);
}

void TestGuiKeyboard::clashIsFound()
{
    // The walk itself: two buttons with one letter clash, unless they are on different pages
    // of a stack.
    QWidget window;
    window.setObjectName(QStringLiteral("probe"));
    auto* layout = new QVBoxLayout(&window);
    auto* stack = new QStackedWidget(&window);
    layout->addWidget(stack);
    auto* first = new QWidget(stack);
    auto* second = new QWidget(stack);
    stack->addWidget(first);
    stack->addWidget(second);
    new QPushButton(QStringLiteral("&Open"), first);
    new QPushButton(QStringLiteral("&Order"), second);
    QVERIFY2(clashesIn(&window).isEmpty(), qPrintable(clashesIn(&window).join(u'\n')));
    new QPushButton(QStringLiteral("Sign &out"), &window);
    QCOMPARE(clashesIn(&window).size(), 2);
}

void TestGuiKeyboard::mainWindowsHaveNoKeyTwice_data()
{
    QTest::addColumn<Role>("role");
    QTest::newRow("reception") << Role::Reception;
    QTest::newRow("clinician") << Role::Clinician;
    QTest::newRow("manager") << Role::Manager;
    QTest::newRow("admin") << Role::Admin;
}

void TestGuiKeyboard::mainWindowsHaveNoKeyTwice()
{
    QFETCH(Role, role);
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const QString name = QStringLiteral("someone");
    addUser(db, name, role);
    Session session(db);
    QVERIFY(session.signIn(name, kPassword));
    MainWindow window(db, session);
    window.show();
    for (const QString& key : window.workspaceKeys()) {
        QVERIFY(window.workspace(key));
        window.showWorkspace(key);
    }
    // The desk with a client's profile open: the most keys at once.
    if (auto* desk =
            qobject_cast<ReceptionWorkspace*>(window.workspace(QStringLiteral("reception"))))
        desk->openProfile(p.anna);
    const QStringList clashes = clashesIn(&window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

void TestGuiKeyboard::dialogsHaveNoKeyTwice()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const User admin = addUser(db, QStringLiteral("second"), Role::Admin);
    Appointment draft;
    draft.client = p.anna;
    draft.practitioner = p.weber;
    draft.serviceType = p.checkUp;
    draft.startsAt = QDateTime(QDate::currentDate().addDays(3), QTime(10, 0));
    const auto booked = BookingDesk(db, p.desk).book(draft);
    QVERIFY(booked);
    Session session(db);
    const auto query =
        DrilldownQuery::of(DrilldownSubject::NewClients,
                           Period{QDate::currentDate().addMonths(-1), QDate::currentDate()});

    std::vector<std::unique_ptr<QWidget>> dialogs;
    dialogs.push_back(std::make_unique<OnboardingDialog>(db, p.desk));
    dialogs.push_back(std::make_unique<BookingDialog>(db, p.desk, p.weber, draft.startsAt));
    dialogs.push_back(std::make_unique<WelcomePackDialog>(db, p.desk, *booked));
    dialogs.push_back(std::make_unique<AddUserDialog>(db, Actor::system()));
    dialogs.push_back(std::make_unique<ResetPasswordDialog>(db, Actor::system(), admin));
    dialogs.push_back(std::make_unique<SignInDialog>(session, QStringLiteral("Practice")));
    dialogs.push_back(std::make_unique<FirstRunDialog>(db, session));
    dialogs.push_back(std::make_unique<SummaryTemplateDialog>(db, Actor::system()));
    dialogs.push_back(std::make_unique<CallDialog>(db, Actor::system(), FollowUpTaskId{1}));
    dialogs.push_back(std::make_unique<ResultDialog>(db, Actor::system(), ResultId{1},
                                                     QStringLiteral("Anna Adler")));
    dialogs.push_back(std::make_unique<PostServiceDialog>(db, Actor::system(), p.anna,
                                                          QStringLiteral("Anna Adler")));
    dialogs.push_back(std::make_unique<DrilldownDialog>(db, Actor::system(), query,
                                                        QStringLiteral("New clients")));
    QStringList clashes;
    for (const auto& dialog : dialogs) {
        if (dialog->objectName().isEmpty())
            dialog->setObjectName(QString::fromLatin1(dialog->metaObject()->className()));
        dialog->show();
        clashes << clashesIn(dialog.get());
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

void TestGuiKeyboard::newClientFormAnswersAltKeys()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    OnboardingDialog dialog(db, p.desk);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    // Every labelled field of the form has an Alt letter that takes the cursor to it.
    int fields = 0;
    for (QFormLayout* form : dialog.findChildren<QFormLayout*>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* labelItem = form->itemAt(row, QFormLayout::LabelRole);
            auto* label = labelItem ? qobject_cast<QLabel*>(labelItem->widget()) : nullptr;
            if (!label || label->text().isEmpty())
                continue;
            QVERIFY2(!mnemonicOf(label->text()).isNull(), qPrintable(label->text()));
            QVERIFY2(label->buddy(), qPrintable(label->text()));
            // A box around the field would swallow the letter: the buddy takes the focus.
            QVERIFY2(label->buddy()->focusPolicy() != Qt::NoFocus, qPrintable(label->text()));
            ++fields;
        }
    }
    QVERIFY(fields >= 12);
    for (const char* name : {"onboardingBook", "onboardingDoubleBook", "onboardingCreateAnyway"}) {
        auto* box = dialog.findChild<QCheckBox*>(QLatin1String(name));
        QVERIFY2(box && !mnemonicOf(box->text()).isNull(), name);
    }
    // The consent purposes take the letters the form leaves free (clashes would be found by
    // dialogsHaveNoKeyTwice); in English most of them find one.
    int consentLetters = 0;
    for (QCheckBox* box : dialog.findChildren<QCheckBox*>())
        if (box->objectName().startsWith(u"consent_") && !mnemonicOf(box->text()).isNull())
            ++consentLetters;
    QVERIFY2(consentLetters >= 3, qPrintable(QString::number(consentLetters)));
    // Each consent purpose got a letter of its own, and the letter ticks it.
    auto* reminders = dialog.findChild<QCheckBox*>(QStringLiteral("consent_reminders"));
    QVERIFY(reminders);
    const QChar letter = mnemonicOf(reminders->text());
    QVERIFY(!letter.isNull());
    QVERIFY(!reminders->isChecked());
    QTest::keyClick(&dialog, Qt::Key(letter.toUpper().unicode()), Qt::AltModifier);
    QTRY_VERIFY(reminders->isChecked());
    // "Create anyway" is hidden while there are no duplicates: its Alt+C does nothing, and
    // types no "c" into the name either.
    auto* last = dialog.findChild<QLineEdit*>(QStringLiteral("onboardingLastName"));
    last->setFocus();
    QTest::keyClicks(last, QStringLiteral("Adler"));
    QTest::keyClick(last, Qt::Key_C, Qt::AltModifier);
    QCOMPARE(last->text(), QStringLiteral("Adler"));

    const std::pair<const char*, Qt::Key> jumps[] = {
        {"onboardingEmail", Qt::Key_E},        {"onboardingPhone", Qt::Key_P},
        {"onboardingLastName", Qt::Key_L},     {"onboardingAddress", Qt::Key_R},
        {"onboardingChannel", Qt::Key_Y},      {"onboardingExpectations", Qt::Key_O},
        {"onboardingPractitioner", Qt::Key_T}, {"onboardingFirstName", Qt::Key_F}};
    for (const auto& [field, key] : jumps) {
        QTest::keyClick(&dialog, key, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QString::fromLatin1(field));
    }
}

void TestGuiKeyboard::tabLeavesNotesField()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    OnboardingDialog dialog(db, p.desk);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* address = dialog.findChild<QPlainTextEdit*>(QStringLiteral("onboardingAddress"));
    address->setFocus();
    QTest::keyClicks(address, QStringLiteral("Hauptstr. 1"));
    QTest::keyClick(address, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(address->toPlainText(), QStringLiteral("Hauptstr. 1\t"));
    QTest::keyClick(address, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("onboardingChannel"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), address);

    // Any notes field, wherever it is made, without the form asking for it.
    QWidget form;
    auto* layout = new QVBoxLayout(&form);
    auto* before = new QLineEdit(&form);
    auto* notes = new QPlainTextEdit(&form);
    auto* after = new QLineEdit(&form);
    layout->addWidget(before);
    layout->addWidget(notes);
    layout->addWidget(after);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    notes->setFocus();
    QTest::keyClick(notes, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), after);
    QVERIFY(notes->toPlainText().isEmpty());
}

QTEST_MAIN(TestGuiKeyboard)
#include "tst_gui_keyboard.moc"
