# Installers: `cpack -G DEB|RPM|TGZ` on Linux (scripts/package), NSIS on Windows, DragNDrop on macOS.
# The version is MEMEDESK_VERSION_FULL (cmake/version.cmake); the release notes come from
# packaging/releases.txt and feed both the Debian changelog and the AppStream metainfo.
include(GNUInstallDirs)

set(MEMEDESK_HOMEPAGE "https://github.com/memedesk/memedesk" CACHE STRING
    "The project's public address (AppStream metainfo, package metadata)")
set(MEMEDESK_MAINTAINER "Memedesk developers <packages@memedesk.io>" CACHE STRING
    "The packages' maintainer, \"Name <address>\"")
set(MEMEDESK_SCREENSHOTS "${MEMEDESK_HOMEPAGE}/raw/main/docs/screenshots")

# "  * note" wrapped at 78 columns, continued with four spaces (the Debian changelog's layout).
function(memedesk_changelog_item note out)
  string(REPLACE " " ";" words "${note}")
  set(text "  *")
  set(line "  *")
  foreach(word IN LISTS words)
    string(LENGTH "${line} ${word}" width)
    if(width GREATER 78)
      string(APPEND text "\n   ")
      set(line "   ")
    endif()
    string(APPEND text " ${word}")
    string(APPEND line " ${word}")
  endforeach()
  set(${out} "${text}\n" PARENT_SCOPE)
endfunction()

# Release notes → Debian changelog entries and AppStream <release> elements.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/releases.txt release_lines ENCODING UTF-8)
set(MEMEDESK_APPSTREAM_RELEASES "")
set(debian_changelog "")
set(release_version "")
macro(memedesk_close_release)
  if(release_version)
    string(APPEND MEMEDESK_APPSTREAM_RELEASES
           "    <release version=\"${release_version}\" date=\"${release_date}\">\n      <description>\n        <ul>\n${release_items}        </ul>\n      </description>\n    </release>\n")
    execute_process(COMMAND date -u -R -d "${release_date} 12:00" OUTPUT_VARIABLE rfc_date OUTPUT_STRIP_TRAILING_WHITESPACE)
    set(entry_version "${release_version}")
    if(NOT debian_changelog)
      set(entry_version "${MEMEDESK_VERSION_FULL}") # the newest entry names the version being packaged
    endif()
    string(APPEND debian_changelog "memedesk (${entry_version}) unstable; urgency=medium\n\n${release_notes}\n -- ${MEMEDESK_MAINTAINER}  ${rfc_date}\n\n")
  endif()
endmacro()
foreach(line IN LISTS release_lines)
  if(line MATCHES "^#" OR line STREQUAL "")
    continue()
  elseif(line MATCHES "^([0-9][^ ]*) ([0-9-]+)$")
    memedesk_close_release()
    set(release_version "${CMAKE_MATCH_1}")
    set(release_date "${CMAKE_MATCH_2}")
    set(release_items "")
    set(release_notes "")
  elseif(line MATCHES "^- (.*)$")
    set(note "${CMAKE_MATCH_1}")
    string(REPLACE "&" "&amp;" xml_note "${note}")
    string(REPLACE "<" "&lt;" xml_note "${xml_note}")
    string(APPEND release_items "          <li>${xml_note}</li>\n")
    memedesk_changelog_item("${note}" item)
    string(APPEND release_notes "${item}")
  endif()
endforeach()
memedesk_close_release()

set(MEMEDESK_PACKAGING_DIR ${CMAKE_BINARY_DIR}/packaging)
configure_file(${PROJECT_SOURCE_DIR}/packaging/linux/io.memedesk.Memedesk.metainfo.xml.in
               ${MEMEDESK_PACKAGING_DIR}/io.memedesk.Memedesk.metainfo.xml @ONLY)
file(WRITE ${MEMEDESK_PACKAGING_DIR}/changelog "${debian_changelog}")

if(UNIX AND NOT APPLE)
  # Compressed as Debian wants them (maximum compression, no name or time stamp inside).
  execute_process(COMMAND gzip -9nc ${MEMEDESK_PACKAGING_DIR}/changelog OUTPUT_FILE ${MEMEDESK_PACKAGING_DIR}/changelog.gz)
  execute_process(COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/packaging/linux/memedesk.1 OUTPUT_FILE ${MEMEDESK_PACKAGING_DIR}/memedesk.1.gz)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/memedesk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${MEMEDESK_PACKAGING_DIR}/io.memedesk.Memedesk.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/memedesk.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  foreach(size 16 24 32 48 64 128 256 512)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/memedesk.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
  install(FILES ${MEMEDESK_PACKAGING_DIR}/memedesk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/copyright ${MEMEDESK_PACKAGING_DIR}/changelog.gz
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/memedesk)
endif()

set(CPACK_PACKAGE_NAME "memedesk")
set(CPACK_PACKAGE_VENDOR "Memedesk")
set(CPACK_PACKAGE_CONTACT "${MEMEDESK_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
file(READ ${PROJECT_SOURCE_DIR}/packaging/description.txt CPACK_PACKAGE_DESCRIPTION) # wrapped for Debian
string(STRIP "${CPACK_PACKAGE_DESCRIPTION}" CPACK_PACKAGE_DESCRIPTION)
set(CPACK_PACKAGE_HOMEPAGE_URL "${MEMEDESK_HOMEPAGE}")
set(CPACK_PACKAGE_VERSION "${MEMEDESK_VERSION_FULL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Memedesk")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/dist)
set(CPACK_GENERATOR "TGZ")
if(UNIX AND NOT APPLE)
  list(APPEND CPACK_GENERATOR "DEB" "RPM")
  set(CPACK_PACKAGE_FILE_NAME "memedesk-${MEMEDESK_VERSION_FULL}-linux-${CMAKE_SYSTEM_PROCESSOR}")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
  # Loaded at run time, so not found by shlibdeps: the SQLite driver, the platform plugins.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring, fonts-dejavu-core, fonts-noto-cjk")
  set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
  set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
  set(CPACK_RPM_PACKAGE_GROUP "Applications/Finance")
  set(CPACK_RPM_PACKAGE_URL "${MEMEDESK_HOMEPAGE}")
  set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
  set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
      /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor /usr/share/man /usr/share/man/man1)
  # RPM version fields may not hold '-'; ours never do ("0.1.0+dev.152.g1a2b3c4d").
elseif(WIN32)
  # NSIS installer with a Start-menu entry and an uninstaller (which leaves %APPDATA%\Memedesk, the
  # user's data, alone); no file associations. Signed by the release workflow when its secrets exist.
  set(CPACK_GENERATOR "NSIS;ZIP")
  set(CPACK_PACKAGE_FILE_NAME "memedesk-${MEMEDESK_VERSION_FULL}-windows-x64")
  set(CPACK_NSIS_PACKAGE_NAME "Memedesk")
  set(CPACK_NSIS_DISPLAY_NAME "Memedesk")
  set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/memedesk.ico")
  set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/packaging/windows/memedesk.ico")
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\memedesk.exe")
  set(CPACK_PACKAGE_EXECUTABLES "memedesk" "Memedesk")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_URL_INFO_ABOUT "${MEMEDESK_HOMEPAGE}")
  set(CPACK_NSIS_CONTACT "${MEMEDESK_MAINTAINER}")
  set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/packaging/linux/copyright")
elseif(APPLE)
  # A disk image with Memedesk.app (macdeployqt has put Qt inside); signed and notarized by the
  # release workflow when its secrets exist.
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_PACKAGE_FILE_NAME "memedesk-${MEMEDESK_VERSION_FULL}-macos")
  set(CPACK_DMG_VOLUME_NAME "Memedesk")
  set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/packaging/linux/copyright")
endif()
include(CPack)
