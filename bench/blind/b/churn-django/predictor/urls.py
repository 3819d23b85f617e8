from django.urls import path

from . import views

urlpatterns = [
    path('healthz', views.healthz, name='healthz'),
    path('api/predict', views.predict, name='predict'),
    path('api/customers/<int:customer_id>/history', views.customer_history, name='customer-history'),
]
