#include "auth/passwordhasher.h"
#include "auth/passwordstrength.h"

#include <QTest>

using namespace aftercare;

Q_DECLARE_METATYPE(PasswordWeakness)

// New passwords are judged by libpwquality with cracklib's dictionary: "password" is not
// strong enough, and the verdict says why.
class TestPasswordStrength : public QObject
{
    Q_OBJECT

private slots:
    void verdict_data();
    void verdict();
    void everyWeaknessIsExplained();
    void accountsRefuseWeakPasswords();
};

void TestPasswordStrength::verdict_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("userName");
    QTest::addColumn<PasswordWeakness>("weakness");
    const QString none;
    QTest::newRow("empty") << QString() << none << PasswordWeakness::Empty;
    QTest::newRow("short") << QStringLiteral("short") << none << PasswordWeakness::TooShort;
    // Seven characters, however many bytes UTF-8 takes for them.
    QTest::newRow("short in umlauts")
        << QStringLiteral("äöüßäöü") << none << PasswordWeakness::TooShort;
    QTest::newRow("password") << QStringLiteral("password") << none
                              << PasswordWeakness::DictionaryWord;
    QTest::newRow("Password1") << QStringLiteral("Password1") << none
                               << PasswordWeakness::DictionaryWord;
    QTest::newRow("reversed word")
        << QStringLiteral("drowssap") << none << PasswordWeakness::DictionaryWord;
    QTest::newRow("digits in a row")
        << QStringLiteral("12345678") << none << PasswordWeakness::Sequence;
    QTest::newRow("letters in a row")
        << QStringLiteral("abcdefgh") << none << PasswordWeakness::Sequence;
    QTest::newRow("simple pattern")
        << QStringLiteral("abcd1234") << none << PasswordWeakness::TooSimple;
    QTest::newRow("two letters") << QStringLiteral("abababab") << none
                                 << PasswordWeakness::TooFewDifferent;
    QTest::newRow("same letter") << QStringLiteral("aaaabbbb") << none
                                 << PasswordWeakness::RepeatedCharacters;
    QTest::newRow("palindrome") << QStringLiteral("xk7ppp7kx") << none
                                << PasswordWeakness::Palindrome;
    QTest::newRow("user name") << QStringLiteral("maria-2026!") << QStringLiteral("Maria")
                               << PasswordWeakness::ContainsUserName;
    QTest::newRow("same without the name")
        << QStringLiteral("maria-2026!") << QString() << PasswordWeakness::None;
    QTest::newRow("several words")
        << QStringLiteral("correct horse battery staple") << none << PasswordWeakness::None;
    QTest::newRow("words and digits")
        << QStringLiteral("front desk 2026") << none << PasswordWeakness::None;
    QTest::newRow("demo password")
        << QStringLiteral("reception-demo") << QString() << PasswordWeakness::None;
}

void TestPasswordStrength::verdict()
{
    QFETCH(QString, password);
    QFETCH(QString, userName);
    QFETCH(PasswordWeakness, weakness);
    const PasswordVerdict verdict = PasswordStrength::check(password, userName);
    QCOMPARE(verdict.weakness, weakness);
    QCOMPARE(verdict.isStrongEnough(), weakness == PasswordWeakness::None);
    if (verdict.isStrongEnough())
        QVERIFY(verdict.score > 0);
    const Status required = PasswordStrength::require(password, userName);
    QCOMPARE(required.has_value(), weakness == PasswordWeakness::None);
    if (!required) {
        QCOMPARE(required.error().kind, ErrorKind::Validation);
        QCOMPARE(required.error().message, PasswordStrength::describe(weakness));
    }
}

void TestPasswordStrength::everyWeaknessIsExplained()
{
    QStringList texts;
    for (PasswordWeakness weakness :
         {PasswordWeakness::None, PasswordWeakness::Empty, PasswordWeakness::TooShort,
          PasswordWeakness::DictionaryWord, PasswordWeakness::TooSimple,
          PasswordWeakness::TooFewDifferent, PasswordWeakness::RepeatedCharacters,
          PasswordWeakness::Sequence, PasswordWeakness::Palindrome,
          PasswordWeakness::ContainsUserName, PasswordWeakness::CheckUnavailable}) {
        const QString text = PasswordStrength::describe(weakness);
        QVERIFY(!text.isEmpty());
        QVERIFY2(!texts.contains(text), qPrintable(text)); // each says its own why
        texts.append(text);
    }
    QVERIFY(PasswordStrength::describe(PasswordWeakness::TooShort)
                .contains(QString::number(PasswordStrength::kMinimumLength)));
}

void TestPasswordStrength::accountsRefuseWeakPasswords()
{
    // What every account goes through (UserRepository): the same judgement.
    auto refused = PasswordHasher::checkStrength(QStringLiteral("password"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, PasswordStrength::describe(PasswordWeakness::DictionaryWord));
    QVERIFY(!PasswordHasher::checkStrength(QStringLiteral("admin-2026!"), QStringLiteral("admin")));
    QVERIFY(PasswordHasher::checkStrength(QStringLiteral("correct horse 42")));
}

QTEST_GUILESS_MAIN(TestPasswordStrength)
#include "tst_passwordstrength.moc"
