// Fuzz target: the project file opener. The input bytes are written to a scratch file and opened
// with loadProject, as the GUI and the CLI open a .archfit a stranger sent. Any outcome but a
// crash is fine, as long as a failure says what is wrong (code + message) and an accepted project
// has its workload.

#include "fuzz_util.h"

#include "archfit/store/project_store.h"

using namespace archfit;

namespace {

volatile std::size_t g_sink = 0;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fuzz::ScratchFile scratch("project.archfit");
    scratch.write(data, size);
    (void)looksLikeProject(scratch.path());
    const Result<ProjectData> loaded = loadProject(scratch.path());
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors())
            fuzz::check(!d.message.empty() && !d.code.empty(), "diagnostic without code or message");
        return 0;
    }
    g_sink = g_sink + loaded->workloadJson.size() + loaded->settingsJson.size() + loaded->analysisJson.size();
    return 0;
}
