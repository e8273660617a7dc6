// kiosk: the fullscreen touchscreen app (SPEC.md). A thin main: parse, open the store, run.
#include "content/data_dir.h"
#include "content/store.h"
#include "kiosk/app.h"

#include <cstdio>
#include <memory>

int main(int argc, char** argv) {
    kiosk::AppConfig config;
    std::string error;
    if (!kiosk::parseCommandLine(argc, argv, config, error)) {
        if (!error.empty()) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        std::fprintf(stderr, "%s", kiosk::usageText());
        return error.empty() ? 0 : 2;
    }

    const kiosk::StationClock clock(config.now);
    const content::DataDir dataDir{config.dataDir};
    std::optional<content::Store> store;
    try {
        store.emplace(content::Store::open(dataDir, clock.now().local.date));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: cannot open the data dir %s: %s\n", config.dataDir.c_str(), e.what());
        return 1;
    }

    kiosk::App app(config);
    // The update service (USB stick / drop folder import, PIN pad, staff menu) plugs in here:
    // it takes *store, config.dropDir / mediaRoots / statusDir / allowUnsigned, posts new
    // content through app.mainQueue() → app.setContent(), and draws through app.addOverlay().
    return app.run(std::make_shared<const content::Content>(store->content()));
}
