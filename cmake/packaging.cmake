# Desktop integration files and the CPack .deb (docs/reliability.md, "Packaging").
#
#   cmake --build <build> --target package      -> <build>/archfit_<version>_<arch>.deb
#
# Installed layout (GNUInstallDirs, prefix /usr in the package):
#   bin/archfit, bin/archfit-cli
#   share/archfit/...                         data/ (found via ../share/archfit, findDataDir)
#   share/applications/archfit.desktop        opens *.archfit (MimeType=application/x-archfit)
#   share/icons/hicolor/scalable/apps/archfit.svg (+ mimetypes/application-x-archfit.svg)
#   share/metainfo/io.github.archfit.ArchFit.metainfo.xml
#   share/mime/packages/archfit.xml           shared-mime-info: *.archfit = application/x-archfit
#   share/man/man1/archfit-cli.1.gz

set(ARCHFIT_RESOURCES ${PROJECT_SOURCE_DIR}/resources)

if(ARCHFIT_BUILD_GUI)
  install(FILES ${ARCHFIT_RESOURCES}/archfit.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${ARCHFIT_RESOURCES}/io.github.archfit.ArchFit.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${ARCHFIT_RESOURCES}/archfit.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES ${ARCHFIT_RESOURCES}/archfit.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/mimetypes
          RENAME application-x-archfit.svg)
endif()
install(FILES ${ARCHFIT_RESOURCES}/archfit-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME archfit.xml)

# Debian wants man pages gzipped (-n: no name or time stamp, so the package is reproducible).
find_program(ARCHFIT_GZIP gzip)
if(ARCHFIT_GZIP)
  set(man_gz ${CMAKE_CURRENT_BINARY_DIR}/archfit-cli.1.gz)
  add_custom_command(OUTPUT ${man_gz}
    COMMAND ${ARCHFIT_GZIP} -9 -n -c ${PROJECT_SOURCE_DIR}/docs/man/archfit-cli.1 > ${man_gz}
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/archfit-cli.1 VERBATIM)
  add_custom_target(archfit_man ALL DEPENDS ${man_gz})
  install(FILES ${man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  install(FILES ${PROJECT_SOURCE_DIR}/docs/man/archfit-cli.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME archfit)
set(CPACK_PACKAGE_VENDOR "ArchFit")
set(CPACK_PACKAGE_CONTACT "ArchFit maintainers <archfit@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY archfit)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# The summary above is the first line; this is the body (one string: set() would make a list).
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "ArchFit scores each component of a system for serverless functions, serverless\n"
  "containers and virtual machines (cost, latency, compliance, lock-in, operations)\n"
  "from its access logs and the cloud price catalogs. Includes the desktop\n"
  "application (archfit) and the command-line tool (archfit-cli).")
# Library dependencies from the binaries (dpkg-shlibdeps, in dpkg-dev); the desktop database
# and MIME cache are refreshed by the dpkg triggers of desktop-file-utils / shared-mime-info.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils")
include(CPack)
