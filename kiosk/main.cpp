// kiosk: the fullscreen touchscreen app (SPEC.md). A thin main: parse, open the store, run.
#include "content/data_dir.h"
#include "content/demo_content.h"
#include "content/store.h"
#include "kiosk/app.h"
#include "kiosk/update_ui.h"
#include "platform/startup_trace.h"
#include "platform/status_file.h"
#include "platform/systemd_notify.h"
#include "platform/update_service.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char** argv)
{
    platform::traceStartup("main");
    kiosk::AppConfig config;
    if (const std::optional<int> exitCode = kiosk::parseCommandLine(argc, argv, config)) return *exitCode;

    // A screenshot needs no session bus (SDL uses it to inhibit the screensaver). With none
    // configured, libdbus would fork `dbus-launch --autolaunch` and wait ~10 ms for it to fail;
    // an unusable address fails at once. A set address is left alone. Before any thread starts.
    if (!config.screen.screenshotPath.empty()) setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);

    const content::StationClock clock(config.clock.now);
    const content::DataDir dataDir{config.dataDir};
    std::shared_ptr<const content::Content> initial;
    try {
        const content::Store store = content::Store::open(dataDir, clock.now().local.date);
        if (store.recoveryNote().empty()) {
            initial = std::make_shared<const content::Content>(store.content());
        } else {
            std::fprintf(stderr, "kiosk: %s\n", store.recoveryNote().c_str());
            initial = std::make_shared<const content::Content>(
                content::withStoreNotice(store.content(), store.recoveryNote()));
        }
    } catch (const std::exception& e) {
        // Exiting would only have systemd restart us into the same black screen: show the
        // guide and the emergency numbers, and say on screen (for staff) what is wrong.
        std::fprintf(stderr, "kiosk: 内容库打不开，屏幕先显示防骗指南和紧急电话（数据目录 %s）：%s\n",
                     config.dataDir.c_str(), e.what());
        initial = std::make_shared<const content::Content>(
            content::storeUnavailableContent(clock.now().local.date, e.what()));
    }

    platform::traceStartup("store open");
    kiosk::App app(config);
    // The store was closed again: the update service's worker opens and owns its own.

    platform::UpdateService::Options updates;
    updates.dataDir = dataDir;
    if (!config.updates.dropDir.empty()) updates.dropDir = config.updates.dropDir;
    if (!config.updates.mediaRoots.empty()) updates.mediaRoots = config.updates.mediaRoots;
    if (!config.updates.statusDir.empty() && config.screen.screenshotPath.empty()) {
        platform::StatusFile::Options status;
        status.dir = config.updates.statusDir;
        status.kioskId = config.updates.kioskId;
        status.clock = [clock] {
            const auto reading = clock.now();
            return content::zoned(reading.local, reading.second);
        };
        updates.status = std::make_shared<platform::StatusFile>(std::move(status));
    }
    updates.allowUnsigned = config.updates.allowUnsigned;
    updates.clock = [clock] { return clock.now(); };
    app.setStatusFile(updates.status);
    std::unique_ptr<kiosk::UpdateUi> updateUi;
    platform::UpdateService service(updates, app.mainQueue(), [&updateUi](const platform::UpdateEvent& e) {
        if (updateUi) updateUi->handle(e);
    });
    updateUi = std::make_unique<kiosk::UpdateUi>(app, service, dataDir);
    platform::MainLoopWatchdog watchdog(app.mainQueue());
    if (config.screen.screenshotPath.empty()) {
        if (updates.status) updates.status->start();
        service.start();
        watchdog.start();
    }
    platform::traceStartup("services ready");
    const int status = app.run(std::move(initial));
    watchdog.stop();
    service.stop();
    if (updates.status) updates.status->stop();
    platform::traceStartup("exit");
    return status;
}
