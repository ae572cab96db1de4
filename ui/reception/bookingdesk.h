#pragma once

// The desk's changes to the diary live in core (core/desk/bookingdesk.h); the reception's
// widgets keep using them under their own namespace.
#include "desk/bookingdesk.h"

namespace aftercare::ui {
using aftercare::BookingDesk;
}
