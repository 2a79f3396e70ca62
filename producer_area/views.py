"""The producer area: a producer's orders, products and scans, made for a phone.

Thin views: every row is read through `catalogue.producer_scope` (another producer's part,
product or photo is a 404 whatever the URL or form says), writes go through
`orders.services.change_status()` or the model's own `save()` (which bumps the caches of
the pages showing it: catalogue/caching.py).
"""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from catalogue.models import Scan
from catalogue.producer_scope import images_of, narrow, producer_of, products_of
from orders.models import ProducerOrder, Status
from orders.services import StatusChangeRefused, change_status
from visits.models import Event

from .forms import PhotoForm, ProductForm, StatusForm

SCAN_DAYS = 30
PER_PAGE = 20


def producer_required(view):
    """Signed in with an active producer account: `request.producer` is set. Private pages
    are never cached (they show shoppers' addresses)."""

    @wraps(view)
    @never_cache
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("producer_area:login"))
        request.producer = producer_of(request.user)
        if request.producer is None:
            return render(request, "producer_area/not_linked.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


# --- signing in ---------------------------------------------------------------------------


class SignInView(auth_views.LoginView):
    template_name = "producer_area/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("producer_area:dashboard")


class SignOutView(auth_views.LogoutView):
    next_page = reverse_lazy("producer_area:login")


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The invitation link: set a password once (the token dies with the old hash)."""

    template_name = "producer_area/set_password.html"
    success_url = reverse_lazy("producer_area:password_set")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # A deactivated account's old link sets nothing.
        return user if user is not None and producer_of(user) is not None else None


def password_set(request):
    return render(request, "producer_area/password_set.html")


# --- pages --------------------------------------------------------------------------------


@producer_required
def dashboard(request):
    Scan.write_buffered()  # trace pages buffer scans: write them before counting
    since = timezone.now() - datetime.timedelta(days=SCAN_DAYS)
    scans = list(
        narrow(Scan.objects.filter(scanned_at__gte=since), request.user, path="product__producer")
        .values("product__name", "product__slug")
        .annotate(count=Count("pk"), last=Max("scanned_at"))
        .order_by("-count", "product__name")
    )
    producer = request.producer
    events = (
        Event.objects.published()
        .upcoming()
        .filter(Q(producers=producer) | Q(products__producer=producer))
        .distinct()[:5]
    )
    open_parts = narrow(ProducerOrder.objects.filter(status__in=[Status.NEW, Status.CONFIRMED]), request.user)
    return render(
        request,
        "producer_area/dashboard.html",
        {
            "scans": scans,
            "scan_total": sum(row["count"] for row in scans),
            "scan_days": SCAN_DAYS,
            "events": events,
            "new_count": open_parts.filter(status=Status.NEW).count(),
            "confirmed_count": open_parts.filter(status=Status.CONFIRMED).count(),
            "area_tab": "dashboard",
        },
    )


@producer_required
def order_list(request):
    parts = narrow(ProducerOrder.objects.for_producer_area(), request.user)
    status = request.GET.get("status", "")
    if status in Status.values:
        parts = parts.filter(status=status)
    page = Paginator(parts, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "parts": page.object_list,
        "status": status,
        "Status": Status,
        "query_string": f"status={status}" if status in Status.values else "",
        "area_tab": "orders",
    }
    return render(request, "producer_area/orders.html", context)


def _own_part(request, pk):
    return get_object_or_404(narrow(ProducerOrder.objects.for_producer_area(), request.user), pk=pk)


@producer_required
def order_detail(request, pk):
    return _render_part(request, _own_part(request, pk))


def _render_part(request, part, form=None, status=200):
    return render(
        request,
        "producer_area/order.html",
        {"part": part, "order": part.order, "form": form, "area_tab": "orders"},
        status=status,
    )


@producer_required
@require_POST
def order_status(request, pk):
    part = _own_part(request, pk)
    form = StatusForm(request.POST, part=part)
    if not form.is_valid():
        return _render_part(request, part, form, status=400)
    try:
        change_status(part=part, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"])
    except StatusChangeRefused as refused:  # someone moved it meanwhile
        messages.error(request, str(refused))
        return redirect("producer_area:order", pk=part.pk)
    messages.success(
        request,
        _("Order %(code)s is now “%(status)s”.") % {"code": part.order.code, "status": part.get_status_display()},
    )
    return redirect("producer_area:order", pk=part.pk)


@producer_required
def product_list(request):
    products = products_of(request.user).prefetch_related("images").order_by("name")
    return render(request, "producer_area/products.html", {"products": products, "area_tab": "products"})


def _own_product(request, slug):
    return get_object_or_404(products_of(request.user).prefetch_related("images"), slug=slug)


@producer_required
def product_edit(request, slug):
    product = _own_product(request, slug)
    if request.method == "POST":
        form = ProductForm(request.POST, instance=product)
        if form.is_valid():
            product = form.save(commit=False)
            # Only the producer's fields (and what follows from them): an officer's change
            # to publishing or the certificate saved meanwhile is kept. Product.save()
            # rebuilds the search text and its post_save bumps the product's pages.
            product.save(update_fields=[*ProductForm.FIELDS, "search_name", "search_text", "updated_at"])
            messages.success(request, _("Saved: the product page shows it now."))
            return redirect("producer_area:product", slug=product.slug)
        return _render_product(request, product, form, PhotoForm(), status=400)
    return _render_product(request, product, ProductForm(instance=product), PhotoForm())


def _render_product(request, product, form, photo_form, status=200):
    return render(
        request,
        "producer_area/product.html",
        {"product": product, "form": form, "photo_form": photo_form, "area_tab": "products"},
        status=status,
    )


@producer_required
@require_POST
def photo_add(request, slug):
    product = _own_product(request, slug)
    photo_form = PhotoForm(request.POST, request.FILES)
    if not photo_form.is_valid():
        return _render_product(request, product, ProductForm(instance=product), photo_form, status=400)
    photo = photo_form.save(commit=False)
    photo.product = product
    photo.position = max((image.position for image in product.images.all()), default=-1) + 1
    photo.save()
    messages.success(request, _("Photo added."))
    return redirect("producer_area:product", slug=product.slug)


@producer_required
@require_POST
def photo_delete(request, pk):
    photo = get_object_or_404(images_of(request.user).select_related("product"), pk=pk)
    slug = photo.product.slug
    photo.delete()
    messages.success(request, _("Photo removed."))
    return redirect("producer_area:product", slug=slug)
