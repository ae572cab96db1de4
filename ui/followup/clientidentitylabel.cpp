#include "clientidentitylabel.h"

#include "common/displayformat.h"

namespace aftercare::ui {

ClientIdentityLabel::ClientIdentityLabel(const Client& client, QWidget* parent)
    : QLabel(text(client), parent)
{
    setObjectName(QStringLiteral("clientIdentity"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

QString ClientIdentityLabel::text(const Client& client)
{
    QStringList parts;
    parts << (client.dateOfBirth.isValid()
                  ? tr("born %1 (%2)")
                        .arg(dateText(client.dateOfBirth))
                        .arg(ageOn(client.dateOfBirth, QDate::currentDate()))
                  : tr("date of birth not recorded"));
    parts << (client.externalId.isEmpty() ? tr("no client number")
                                          : tr("client no. %1").arg(client.externalId));
    return parts.join(QStringLiteral(" · "));
}

} // namespace aftercare::ui
