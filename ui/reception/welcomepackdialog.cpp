#include "reception/welcomepackdialog.h"

#include "common/messagelabel.h"
#include "reception/welcomepackpdf.h"
#include "reception/welcomepackreader.h"
#include "repositories/touchpointrepository.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace aftercare::ui {

WelcomePackDialog::WelcomePackDialog(Database& database, const Actor& actor,
                                     AppointmentId appointment, QWidget* parent)
    : FormDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_preview(new QTextBrowser(this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("welcomePackDialog"));
    setWindowTitle(tr("Welcome pack"));
    m_preview->setObjectName(QStringLiteral("welcomePackPreview"));
    m_message->setObjectName(QStringLiteral("welcomePackMessage"));
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* print = buttons->addButton(tr("&Print…"), QDialogButtonBox::AcceptRole);
    print->setObjectName(QStringLiteral("welcomePackPrint"));
    QPushButton* save = buttons->addButton(tr("&Save as PDF…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("welcomePackSave"));
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("welcomePackClose"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(640, 680);

    connect(print, &QPushButton::clicked, this, &WelcomePackDialog::print);
    connect(save, &QPushButton::clicked, this, &WelcomePackDialog::chooseFile);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto pack = WelcomePackReader(database).forAppointment(appointment);
    if (!pack) {
        m_message->showError(pack.error().message);
        print->setEnabled(false);
        save->setEnabled(false);
        return;
    }
    m_pack = std::move(*pack);
    m_ready = true;
    m_preview->setHtml(WelcomePackPdf::html(m_pack));
    print->setDefault(true);
    print->setFocus();
}

WelcomePackDialog::~WelcomePackDialog() = default;

bool WelcomePackDialog::saveTo(const QString& path)
{
    if (!m_ready)
        return false;
    if (!WelcomePackPdf::write(m_pack, path)) {
        m_message->showError(
            tr("The welcome pack could not be written to %1.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    m_message->showSuccess(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    recordHandOver(Channel::Email, tr("Saved as PDF"));
    return true;
}

void WelcomePackDialog::recordHandOver(Channel channel, const QString& outcome)
{
    Touchpoint touchpoint;
    touchpoint.client = m_pack.client;
    touchpoint.stage = JourneyStage::Decision;
    touchpoint.channel = channel;
    touchpoint.kind = TouchpointKind::kWelcomePack;
    touchpoint.appointment = m_pack.appointment;
    touchpoint.outcome = outcome;
    if (auto recorded = TouchpointRepository(m_database).record(touchpoint, m_actor); !recorded) {
        m_message->showError(recorded.error().message);
        return;
    }
    emit handedOver(m_pack.client);
}

void WelcomePackDialog::chooseFile()
{
    auto* dialog = new QFileDialog(this, tr("Save welcome pack"), QDir::homePath(),
                                   tr("PDF documents (*.pdf)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->selectFile(tr("Welcome pack %1.pdf").arg(m_pack.clientName));
    connect(dialog, &QFileDialog::fileSelected, this, &WelcomePackDialog::saveTo);
    dialog->open();
}

void WelcomePackDialog::print()
{
    m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    m_printer->setPageSize(QPageSize(QPageSize::A4));
    m_printer->setColorMode(QPrinter::GrayScale);
    m_printer->setDocName(tr("Welcome pack for %1").arg(m_pack.clientName));
    auto* dialog = new QPrintDialog(m_printer.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        QTextDocument document;
        document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 11));
        document.setHtml(WelcomePackPdf::html(m_pack));
        document.print(m_printer.get());
        m_message->showSuccess(tr("Sent to the printer."));
        recordHandOver(Channel::InPerson, tr("Printed and handed over"));
    });
    dialog->open();
}

} // namespace aftercare::ui
