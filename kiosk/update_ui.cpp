#include "kiosk/update_ui.h"

#include "content/glyph_set.h"
#include "kiosk/app.h"
#include "kiosk/screens/staff_screen.h"
#include "kiosk/update_text.h"

namespace kiosk {

UpdateUi::UpdateUi(App& app, platform::UpdateService& service, content::DataDir dataDir)
    : m_app(app), m_service(service), m_overlay(dataDir)
{
    // ui_text.h's words are in the atlas anyway; these are the rest the update UI draws.
    update_text::addFixedGlyphs(m_fixed);
    content::addGlyphs(update_text::setPinCommand(dataDir.root), m_fixed);
    m_glyphs = m_fixed;
    m_app.setOverlayGlyphs(m_glyphs);
    auto staff = std::make_unique<StaffScreen>(dataDir);
    m_staff = staff.get();
    m_app.addScreen(std::move(staff));
    m_app.addOverlay(&m_overlay);
    m_app.setRequestHandler([this](const UpdateRequest& r) { carryOut(r); });
}

void UpdateUi::handle(const platform::UpdateEvent& event)
{
    // The fixed characters and the last few events' data: what the panel and the staff
    // screen can show.
    std::set<char32_t> eventGlyphs;
    update_text::addEventGlyphs(event, eventGlyphs);
    m_recent.push_back(std::move(eventGlyphs));
    if (m_recent.size() > kRecentEvents) m_recent.pop_front();
    m_glyphs = m_fixed;
    for (const auto& set : m_recent) m_glyphs.insert(set.begin(), set.end());
    m_app.setOverlayGlyphs(m_glyphs);

    if (event.snapshot) m_app.setContent(event.snapshot);
    const double now = monotonicSeconds();
    m_overlay.onEvent(event, now);
    if (m_staff) m_staff->onEvent(event, now);
    m_app.requestRedraw();
}

void UpdateUi::carryOut(const UpdateRequest& request)
{
    switch (request.kind) {
    case UpdateRequest::Kind::SubmitPin:
        m_service.submitPin(request.pin,
                            request.staffMenu ? platform::PinPurpose::StaffMenu : platform::PinPurpose::ApproveImport);
        break;
    case UpdateRequest::Kind::CancelPending:
        m_service.cancelPending();
        break;
    case UpdateRequest::Kind::Export:
        m_service.exportToStick();
        break;
    case UpdateRequest::Kind::Rollback:
        m_service.rollback();
        break;
    }
}

} // namespace kiosk
