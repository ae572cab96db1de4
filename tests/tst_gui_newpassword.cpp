// gui
#include "auth/passwordstrength.h"
#include "common/newaccountfields.h"
#include "common/newpasswordfields.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QWidget>

using namespace aftercare;
using namespace aftercare::ui;

// A new password is judged as it is typed, and the hint says why it is not good enough.
class TestGuiNewPassword : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void weakPasswordSaysWhy_data();
    void weakPasswordSaysWhy();
    void passwordMustNotContainTheUserName();
    void strongPasswordTypedTwiceIsAccepted();

private:
    void type(const char* field, const QString& text)
    {
        auto* edit = m_form->findChild<QLineEdit*>(QLatin1String(field));
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    QLabel* hint() const { return m_form->findChild<QLabel*>(QStringLiteral("passwordHintLabel")); }
    QString kind() const { return hint()->property("messageKind").toString(); }

    QWidget* m_form = nullptr;
    NewAccountFields* m_fields = nullptr;
};

void TestGuiNewPassword::init()
{
    m_form = new QWidget;
    m_fields = new NewAccountFields(m_form);
    auto* layout = new QFormLayout(m_form);
    m_fields->addNameRowsTo(layout);
    m_fields->addPasswordRowsTo(layout);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form));
}

void TestGuiNewPassword::cleanup()
{
    delete m_form;
    m_form = nullptr;
}

void TestGuiNewPassword::weakPasswordSaysWhy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("weakness");
    QTest::newRow("password") << QStringLiteral("password")
                              << int(PasswordWeakness::DictionaryWord);
    QTest::newRow("12345678") << QStringLiteral("12345678") << int(PasswordWeakness::Sequence);
    QTest::newRow("short") << QStringLiteral("kx7") << int(PasswordWeakness::TooShort);
}

void TestGuiNewPassword::weakPasswordSaysWhy()
{
    QFETCH(QString, password);
    QFETCH(int, weakness);
    type("userNameEdit", QStringLiteral("lena"));
    QVERIFY(hint()->text().contains(QString::number(PasswordStrength::kMinimumLength)));
    type("passwordEdit", password);
    type("repeatPasswordEdit", password);
    QCOMPARE(hint()->text(), PasswordStrength::describe(PasswordWeakness(weakness)));
    QCOMPARE(kind(), QStringLiteral("warning"));
    QVERIFY(!m_fields->isAcceptable());
}

void TestGuiNewPassword::passwordMustNotContainTheUserName()
{
    type("userNameEdit", QStringLiteral("maria"));
    type("passwordEdit", QStringLiteral("Maria-2026!"));
    QCOMPARE(hint()->text(), PasswordStrength::describe(PasswordWeakness::ContainsUserName));
    QCOMPARE(kind(), QStringLiteral("warning"));
    // Another user name: the same password is fine for that account.
    type("userNameEdit", QStringLiteral("lena"));
    QCOMPARE(kind(), QStringLiteral("info"));
    type("repeatPasswordEdit", QStringLiteral("Maria-2026!"));
    QVERIFY(m_fields->isAcceptable());
}

void TestGuiNewPassword::strongPasswordTypedTwiceIsAccepted()
{
    type("userNameEdit", QStringLiteral("lena"));
    type("passwordEdit", QStringLiteral("river stone 1987"));
    QCOMPARE(kind(), QStringLiteral("info")); // strong; now the second time
    QVERIFY(!m_fields->isAcceptable());
    type("repeatPasswordEdit", QStringLiteral("river stone 1987"));
    QCOMPARE(kind(), QStringLiteral("good"));
    QVERIFY(m_fields->isAcceptable());
}

QTEST_MAIN(TestGuiNewPassword)
#include "tst_gui_newpassword.moc"
