// backends: sqlite postgresql
// gui
#include "auth/actor.h"
#include "common/displayformat.h"
#include "database/database.h"
#include "desk/invoicedesk.h"
#include "deskpractice.h"
#include "domain/invoicenumber.h"
#include "reception/clientprofile.h"
#include "reception/invoicedocumentdialog.h"
#include "reception/invoicepage.h"
#include "reception/invoicepdf.h"
#include "repositories/invoicerepository.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

// Alt+key wherever the keyboard focus is, as the receptionist types it.
void altKey(QWidget* window, Qt::Key key)
{
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(focus ? focus : window, key, Qt::AltModifier);
    QTest::qWait(250); // a mnemonic presses its button the way a click looks: 100 ms later
}

// A draft of one line for the client.
InvoiceId draft(Database& db, const Practice& p, ClientId client, qint64 cents,
                const QString& externalId = {})
{
    Invoice invoice;
    invoice.client = client;
    invoice.externalId = externalId;
    InvoiceLine line;
    line.description = QStringLiteral("Check-up");
    line.unitPriceCents = cents;
    invoice.lines.push_back(line);
    return InvoiceRepository(db).createDraft(invoice, p.desk).value_or(InvoiceId());
}

// An invoice issued earlier, due dueInDays from today (negative: overdue).
InvoiceId issued(Database& db, const Practice& p, ClientId client, qint64 cents, int dueInDays,
                 const QString& externalId = {})
{
    const InvoiceId id = draft(db, p, client, cents, externalId);
    auto invoice = InvoiceRepository(db).get(id);
    if (!invoice)
        return {};
    const QDateTime due(QDate::currentDate().addDays(dueInDays), QTime(23, 59, 59));
    if (!InvoiceRepository(db).issue(*invoice, p.desk, due.addDays(-14), due))
        return {};
    return id;
}

qint64 paidOn(Database& db, InvoiceId id)
{
    return InvoiceRepository(db).get(id).value_or(Invoice{}).paidCents;
}

} // namespace

class TestGuiInvoices : public QObject
{
    Q_OBJECT

private slots:
    void paymentsStayOnTheInvoiceJustHandled();
    void overdueListDaysAndTotals();
    void invoiceNumberOneWayEverywhere();
    void receiptPdf();
};

// The desk issues Anna's invoice and takes two payments with Alt+P. Ben's invoice is the
// oldest overdue one, and more than a page of other open invoices fall due before Anna's:
// none of them may take her money.
void TestGuiInvoices::paymentsStayOnTheInvoiceJustHandled()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const ClientId carla = addClient(db, QStringLiteral("Carla"), QStringLiteral("Clausen"));
    const InvoiceId bens = issued(db, p, p.ben, 4500, -20);
    QVERIFY(bens.isValid());
    for (int i = 0; i < 55; ++i)
        QVERIFY(issued(db, p, carla, 1000 + i, -10 + i % 20).isValid());
    const InvoiceId annas = draft(db, p, p.anna, 6000);
    QVERIFY(annas.isValid());

    InvoicePage page(db, p.desk);
    QAbstractItemModelTester tester(page.list()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1280, 760);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page)); // mnemonics go to the active window
    QCOMPARE(page.list()->model()->rowCount(), 1);
    QCOMPARE(page.invoice()->id, annas);
    page.list()->setFocus();

    altKey(&page, Qt::Key_I);
    QCOMPARE(InvoiceRepository(db).get(annas)->status, InvoiceStatus::Issued);
    // Still Anna's invoice, in the list of the issued, however far down it is.
    QCOMPARE(page.invoice()->id, annas);
    QCOMPARE(page.invoice()->client, p.anna);
    QCOMPARE(page.list()->currentIndex().siblingAtColumn(0).data().toString(),
             invoiceNumber(annas));
    auto* amount = child<QDoubleSpinBox>(&page, "invoicePaymentAmount");
    QCOMPARE(amount->value(), 60.0);

    amount->setValue(20.0);
    altKey(&page, Qt::Key_P);
    QCOMPARE(paidOn(db, annas), qint64(2000));
    QCOMPARE(paidOn(db, bens), qint64(0));
    QCOMPARE(page.invoice()->id, annas);
    QCOMPARE(amount->value(), 40.0);

    // The second Alt+P takes the rest, still from Anna.
    altKey(&page, Qt::Key_P);
    QCOMPARE(paidOn(db, annas), qint64(6000));
    QCOMPARE(paidOn(db, bens), qint64(0));
    QCOMPARE(InvoiceRepository(db).get(annas)->status, InvoiceStatus::Paid);
    QCOMPARE(page.invoice()->id, annas);
    // A third one has nothing to pay: Anna's invoice is paid, and nobody else's is shown.
    altKey(&page, Qt::Key_P);
    QCOMPARE(paidOn(db, bens), qint64(0));
    QCOMPARE(InvoiceRepository(db).get(bens)->payments.size(), size_t(0));
}

void TestGuiInvoices::overdueListDaysAndTotals()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    QVERIFY(issued(db, p, p.ben, 4500, -16).isValid());
    QVERIFY(issued(db, p, p.anna, 3050, -1).isValid());
    QVERIFY(issued(db, p, p.anna, 9900, 3).isValid()); // not due yet

    InvoicePage page(db, p.desk);
    QAbstractItemModelTester tester(page.list()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1280, 760);
    page.show();
    page.showView(InvoiceDesk::View::Overdue);
    QAbstractItemModel* model = page.list()->model();
    QCOMPARE(model->rowCount(), 2);
    int overdueColumn = -1;
    for (int c = 0; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString() == QStringLiteral("Overdue"))
            overdueColumn = c;
    QVERIFY(overdueColumn >= 0);
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Ben Berg"));
    QCOMPARE(model->index(0, overdueColumn).data().toString(), QStringLiteral("16 days"));
    QCOMPARE(model->index(1, overdueColumn).data().toString(), QStringLiteral("1 days"));
    // Count and sum of the whole list, with the currency.
    const QString summary = child<QLabel>(&page, "invoiceSummary")->text();
    QVERIFY2(summary.startsWith(QStringLiteral("2 ")), qPrintable(summary));
    QVERIFY2(summary.contains(moneyText(7550)), qPrintable(summary));
    QVERIFY2(summary.contains(QLocale().currencySymbol()), qPrintable(summary));
    QVERIFY2(child<QLabel>(&page, "invoiceTitle")->text().contains(QStringLiteral("16")),
             qPrintable(child<QLabel>(&page, "invoiceTitle")->text()));

    const InvoiceTotals open = InvoiceDesk(db)
                                   .totals(InvoiceDesk::View::Open, QDate::currentDate())
                                   .value_or(InvoiceTotals{});
    QCOMPARE(open.count, qint64(3));
    QCOMPARE(open.openCents, qint64(4500 + 3050 + 9900));
}

// One spelling of an invoice's number: in the list, the page's title, the payment form,
// the client's history, the profile and the PDF.
void TestGuiInvoices::invoiceNumberOneWayEverywhere()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const InvoiceId made = draft(db, p, p.anna, 6000);
    const InvoiceId imported = issued(db, p, p.anna, 2500, 5, QStringLiteral("R-2024-17"));
    QVERIFY(made.isValid() && imported.isValid());
    const QString number = invoiceNumber(made);
    QCOMPARE(number, QStringLiteral("INV-%1").arg(made.value(), 7, 10, QLatin1Char('0')));
    QCOMPARE(invoiceNumber(imported, QStringLiteral("R-2024-17")), QStringLiteral("R-2024-17"));

    InvoicePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    QCOMPARE(page.list()->model()->index(0, 0).data().toString(), number);
    QVERIFY(child<QLabel>(&page, "invoiceTitle")->text().contains(number));
    QTest::mouseClick(child<QPushButton>(&page, "invoiceIssue"), Qt::LeftButton);
    QCOMPARE(page.invoice()->id, made);
    const QString form = child<QLabel>(&page, "invoicePaymentFor")->text();
    QVERIFY2(form.contains(number) && form.contains(QStringLiteral("Anna Adler")),
             qPrintable(form));
    QVERIFY(page.message().contains(number));
    QTest::mouseClick(child<QPushButton>(&page, "invoiceRecordPayment"), Qt::LeftButton);
    QVERIFY2(page.message().contains(number), qPrintable(page.message()));

    // The history names it the same way, issue and payment alike.
    auto timeline = TouchpointRepository(db).timeline(p.anna, 50, 0);
    QVERIFY(timeline);
    int naming = 0;
    for (const Touchpoint& t : *timeline)
        if (t.kind == TouchpointKind::kInvoice || t.kind == TouchpointKind::kPayment) {
            QVERIFY2(t.outcome.contains(number), qPrintable(t.outcome));
            ++naming;
        }
    QCOMPARE(naming, 2);

    ClientProfile profile(db, p.desk);
    profile.showClient(p.anna);
    auto* invoices = child<QTreeWidget>(&profile, "profileInvoices");
    QVERIFY(invoices);
    QStringList shown;
    for (int i = 0; i < invoices->topLevelItemCount(); ++i)
        shown << invoices->topLevelItem(i)->text(0);
    shown.sort();
    QCOMPARE(shown, (QStringList{number, QStringLiteral("R-2024-17")}));

    auto document = InvoiceDesk(db).document(made);
    QVERIFY(document);
    QCOMPARE(document->number, number);
    QVERIFY(InvoicePdf::html(*document).contains(number));
}

void TestGuiInvoices::receiptPdf()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    QVERIFY(PracticeSettingsRepository(db).setSetting(
        PracticeSetting::kName, QStringLiteral("Praxis am See"), Actor::system()));
    const InvoiceId id = issued(db, p, p.anna, 6000, 10);
    // A draft is not printed.
    const InvoiceId open = draft(db, p, p.ben, 1000);
    QVERIFY(!InvoiceDesk(db).document(open));

    {
        auto document = InvoiceDesk(db).document(id);
        QVERIFY(document);
        QVERIFY(!document->isReceipt());
        const QString html = InvoicePdf::html(*document);
        QVERIFY(html.contains(QStringLiteral("Praxis am See")));
        QVERIFY(html.contains(QStringLiteral("Anna Adler")));
        QVERIFY(html.contains(moneyText(6000)));
        QVERIFY(html.contains(QStringLiteral("Still to pay")));
    }
    auto invoice = InvoiceRepository(db).get(id);
    Payment payment;
    payment.amountCents = 6000;
    payment.method = PaymentMethod::Card;
    QVERIFY(InvoiceDesk(db).recordPayment(*invoice, payment, p.desk));

    InvoiceDocumentDialog dialog(db, p.desk, id);
    QVERIFY(dialog.isReady());
    QVERIFY(dialog.document().isReceipt());
    QVERIFY(dialog.windowTitle().startsWith(QStringLiteral("Receipt ")));
    const QString preview = child<QTextBrowser>(&dialog, "invoiceDocumentPreview")->toPlainText();
    QVERIFY2(preview.contains(QStringLiteral("Paid in full")), qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral("Card")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
    QVERIFY(dialog.saveTo(path));
    QVERIFY(QFileInfo(path).size() > 1000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    // Saving it is written to the client's history.
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE client_id = ? AND "
                                      "kind = 'invoice' AND outcome LIKE 'Receipt%'"),
                       {p.anna.toVariant()})
                 ->toLongLong(),
             1);
}

QTEST_MAIN(TestGuiInvoices)
#include "tst_gui_invoices.moc"
