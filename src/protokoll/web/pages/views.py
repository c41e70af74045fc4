from django.http import HttpResponse


def home(request):
    return HttpResponse("<!doctype html><html lang='sv'><title>protokoll</title><h1>protokoll</h1></html>")
