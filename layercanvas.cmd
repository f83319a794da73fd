@echo off
rem Runs LayerCanvas from a source checkout on Windows. Builds with the Maven wrapper when no build exists yet.
setlocal
set "HERE=%~dp0"
set "CPFILE=%HERE%app\target\classpath.txt"
if not exist "%CPFILE%" (
  echo Building LayerCanvas (first run; this takes a minute^)... 1>&2
  pushd "%HERE%"
  call mvnw.cmd -q -B -DskipTests package 1>&2
  if errorlevel 1 ( popd & exit /b 1 )
  popd
)
for %%f in ("%HERE%app\target\layercanvas-app-*.jar") do set "APPJAR=%%f"
set /p DEPS=<"%CPFILE%"
rem The window (no arguments) uses the quick C1 compiler only, leaving the cores to the training worker.
set "GUIOPTS="
if "%~1"=="" set "GUIOPTS=-XX:TieredStopAtLevel=1"
java %GUIOPTS% %LAYERCANVAS_JAVA_OPTS% -cp "%APPJAR%;%DEPS%" org.layercanvas.app.Launcher %*
exit /b %ERRORLEVEL%
