#!/usr/bin/python3
"""Saves documents with an open password through LibreOffice's UNO API (the command line cannot).
Used by make-hostile-fixtures.mjs for the encrypted fixtures. Needs Debian's python3-uno.
Usage: /usr/bin/python3 scripts/save-with-password.py PROFILE_DIR PASSWORD INPUT OUTPUT:FILTER [OUTPUT:FILTER ...]
"""
import os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

profile, password, source, targets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
pipe = 'origo_fixtures_%d' % os.getpid()
office = subprocess.Popen(['soffice', '-env:UserInstallation=file://' + os.path.abspath(profile), '--headless', '--norestore',
                           '--nologo', '--nodefault', '--accept=pipe,name=%s;urp;' % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', uno.getComponentContext())
    for _ in range(120):
        try:
            context = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            break
        except Exception:
            time.sleep(0.5)
    desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), '_blank', 0, (prop('Hidden', True),))
    for target in targets:
        path, filter_name = target.split(':', 1)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), (prop('FilterName', filter_name), prop('Password', password)))
        print('made', path)
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        office.wait(timeout=20)
    except subprocess.TimeoutExpired:
        office.kill()
