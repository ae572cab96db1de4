#pragma once

#include "domain/client.h"

#include <QLabel>

namespace aftercare::ui {

// Which client this is, beyond the name (two clients may share one): date of birth with age
// and the client number, in one line under the name.
class ClientIdentityLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ClientIdentityLabel(const Client& client, QWidget* parent = nullptr);

    static QString text(const Client& client);
};

} // namespace aftercare::ui
