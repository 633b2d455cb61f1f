#!/bin/sh
# Outside tools the tests use: LibreOffice (DOCX → PDF, and Calc to save our workbooks as a clerk
# would), poppler (pdftoppm, pdffonts, pdfsig), Apache PDFBox Preflight (the PDF/A validator;
# Java 17 needs JAF and JAXB beside it) and Debian's chromium for the browser tests (Playwright
# drives it; it never downloads a browser of its own). Installed from Debian's packages when
# missing and we are root; otherwise the tests that need them are skipped with the reason printed.
set -u
missing=""
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
installed libreoffice-calc-nogui || installed libreoffice-calc || missing="$missing libreoffice-calc-nogui"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v fc-match >/dev/null 2>&1 || missing="$missing fontconfig"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
for jar in preflight:libpdfbox2-java javax.activation:libactivation-java jaxb-api:libjaxb-api-java; do
    [ -f "/usr/share/java/${jar%%:*}.jar" ] || missing="$missing ${jar#*:}"
done
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: cannot install$missing (needs root and apt-get); tests that need them will be skipped"
    exit 0
fi
echo "installing$missing"
apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends $missing >/dev/null \
    || echo "note: apt-get could not install$missing; tests that need them will be skipped"
