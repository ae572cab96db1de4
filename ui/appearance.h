#pragma once

class QApplication;

namespace aftercare::ui {

// The calm, high-contrast look of the desktop: Fusion with a light palette and the
// stylesheet from resources/ui/aftercare.qss.
void applyAppearance(QApplication& app);

} // namespace aftercare::ui
