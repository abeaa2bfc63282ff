# Builds the ImportDesk MSI on a Windows build machine from the inputs staged on Linux (stage-windows.sh).
#   powershell -ExecutionPolicy Bypass -File build-msi.ps1 [-AppVersion 0.1.0] [-Dest out]
# Needs: a JDK 17 x64 with jpackage (JAVA_HOME), WiX Toolset 3.x (candle.exe, light.exe on PATH). See WINDOWS.md.
param(
    [string]$AppVersion = "0.1.0",
    [string]$Dest = (Join-Path $PSScriptRoot "out")
)
$ErrorActionPreference = "Stop"
$in = Join-Path $PSScriptRoot "input"
$bin = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME "bin" } else { "" }
function Tool($name) {
    $p = if ($bin) { Join-Path $bin "$name.exe" } else { $name }
    if (-not (Get-Command $p -ErrorAction SilentlyContinue)) { throw "$name not found: install a JDK 17+ and set JAVA_HOME" }
    return $p
}
$jlink = Tool "jlink"; $jpackage = Tool "jpackage"
foreach ($wix in "candle.exe", "light.exe") {
    if (-not (Get-Command $wix -ErrorAction SilentlyContinue)) { throw "$wix not on PATH: install WiX Toolset 3.x (JDK 17's jpackage needs WiX 3)" }
}
if (-not (Test-Path (Join-Path $in "importdesk-app.jar"))) { throw "no input\importdesk-app.jar next to this script: run stage-windows.sh on Linux first" }
if (-not (Get-ChildItem (Join-Path $in "lib") -Filter "javafx-graphics-*-win.jar")) { throw "input\lib has no JavaFX win natives" }

$work = Join-Path $PSScriptRoot "work"
Remove-Item -Recurse -Force $work, $Dest -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $work, $Dest | Out-Null

# The same modules as the Linux runtime (build-deb.sh), incl. the providers jdeps cannot see.
$modules = "java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.prefs," +
           "java.rmi,java.scripting,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.crypto.mscapi,jdk.jfr,jdk.localedata," +
           "jdk.net,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs"
& $jlink --add-modules $modules --include-locales=en,de,fr,it,es,nl,pt --strip-debug --no-man-pages --no-header-files `
    --compress=2 --output (Join-Path $work "runtime")
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

$common = @("--name", "ImportDesk", "--app-version", $AppVersion, "--vendor", "ImportDesk",
            "--description", "Radiology import desk: reads patient media, classifies with MOMO, sends to PACS")
# A second launcher with a console, importdesk-cli.exe, for `--version` and `config show` (ImportDesk.exe has none).
$cli = Join-Path $work "importdesk-cli.properties"
Set-Content -Path $cli -Value "win-console=true" -Encoding ASCII
& $jpackage --type app-image @common --dest (Join-Path $work "image") --input $in `
    --main-jar importdesk-app.jar --main-class org.importdesk.app.Main --runtime-image (Join-Path $work "runtime") `
    --java-options "-Dai.djl.offline=true" --java-options '-Dimportdesk.models=$APPDIR\models' `
    --java-options "-XX:MaxRAMPercentage=60" --add-launcher "importdesk-cli=$cli"
if ($LASTEXITCODE -ne 0) { throw "jpackage app-image failed" }

# Fixed upgrade code: a newer MSI replaces the installed version.
& $jpackage --type msi @common --app-image (Join-Path $work "image\ImportDesk") --dest $Dest `
    --win-upgrade-uuid "b64eba50-e57a-44f6-996f-7f2c8b6e5c2b" --win-dir-chooser `
    --win-menu --win-menu-group "ImportDesk" --win-shortcut
if ($LASTEXITCODE -ne 0) { throw "jpackage msi failed" }
Get-ChildItem $Dest -Filter *.msi | ForEach-Object { "{0}  {1:N1} MB" -f $_.FullName, ($_.Length / 1MB) }
