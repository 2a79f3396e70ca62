"""The producer area: a producer's orders, reviews, products and scans, made for a phone.

Thin views: every row is read through `catalogue.producer_scope` (another producer's part,
review, product or photo is a 404 whatever the URL or form says), writes go through
`orders.services` (`change_status()`, `record_transfer_received()`), `orders.reviews.reply()`
or the model's own `save()` (which bumps the caches of the pages showing it:
catalogue/caching.py).
"""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from catalogue.models import Scan
from catalogue.producer_scope import images_of, narrow, producer_of, products_of
from orders.models import ProducerOrder, Review, ReviewStatus, Status
from orders.reviews import ReviewRefused, reply
from orders.services import StatusChangeRefused, change_status, record_transfer_received
from visits.models import Event

from .forms import PhotoForm, ProductForm, ReplyForm, StatusForm

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
    # Counted on the producer's products, so each is named in the page's language.
    scanned = (
        products_of(request.user)
        .filter(scans__scanned_at__gte=since)  # in the join: the (product, scanned_at) index
        .annotate(scan_count=Count("scans"))
        .order_by("-scan_count", "name")
        .only("name", "name_vi", "name_en", "slug")
    )
    scans = [{"product": product, "count": product.scan_count} for product in scanned]
    producer = request.producer
    events = (
        Event.objects.published()
        .upcoming()
        .filter(Q(producers=producer) | Q(products__producer=producer))
        .distinct()[:5]
    )
    open_parts = narrow(ProducerOrder.objects.filter(status__in=[Status.NEW, Status.CONFIRMED]), request.user)
    unanswered = _own_reviews(request).needing_reply()
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
            "unanswered_count": unanswered.count(),
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


def _render_part(request, part, form=None, status=200, transfer_error=""):
    context = {
        "part": part,
        "order": part.order,
        "form": form,
        "transfer_error": transfer_error,
        "area_tab": "orders",
    }
    return render(request, "producer_area/order.html", context, status=status)


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
@require_POST
def order_transfer_received(request, pk):
    """The producer saw this part's bank transfer arrive; the shopper's order page says so."""
    part = _own_part(request, pk)
    if part.status == Status.CANCELLED:
        refusal = _("This order is cancelled: there is no transfer to record.")
        return _render_part(request, part, status=409, transfer_error=refusal)
    try:
        record_transfer_received(part=part, user=request.user)
    except StatusChangeRefused as refused:  # cash, or recorded already (perhaps by an officer)
        part.refresh_from_db(fields=["paid_at"])
        return _render_part(request, part, status=409, transfer_error=str(refused))
    messages.success(
        request, _("Transfer received for order %(code)s: the shopper sees it.") % {"code": part.order.code}
    )
    return redirect("producer_area:order", pk=part.pk)


# --- reviews of their products -----------------------------------------------------------


def _own_reviews(request):
    """The reviews of the producer's own products, newest first. Review has no
    `producer_path` (it reaches its producer through the product it is about)."""
    reviews = Review.objects.select_related("product", "part__order").order_by("-created_at", "-pk")
    return narrow(reviews, request.user, path="product__producer")


@producer_required
def review_list(request):
    reviews = _own_reviews(request)
    needs_reply = request.GET.get("needs_reply") == "1"
    if needs_reply:
        reviews = reviews.needing_reply()
    page = Paginator(reviews, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "reviews": page.object_list,
        "needs_reply": needs_reply,
        "query_string": "needs_reply=1" if needs_reply else "",
        "area_tab": "reviews",
    }
    return render(request, "producer_area/reviews.html", context)


def _back_to_reviews(request):
    """Where the reply form was (the list's page and filter), or the list."""
    back = request.POST.get("next", "")
    list_path = reverse("producer_area:reviews")
    if back.startswith(list_path) and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return list_path


@producer_required
@require_POST
def review_reply(request, pk):
    """The producer's one reply to a review of their product (orders.reviews.reply())."""
    review = get_object_or_404(_own_reviews(request), pk=pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():  # longer than a review may be
        return _render_review(request, review, form, status=400)
    try:
        if review.status == ReviewStatus.HIDDEN:
            # Nobody reads a hidden review: the form is not offered, and a forged post is refused.
            raise ReviewRefused(_("The district's officers hid this review: it takes no reply."), status=409)
        reply(review=review, text=form.cleaned_data["reply"])
    except ReviewRefused as refused:  # empty after trimming (400), or answered meanwhile (409)
        form.add_error("reply", str(refused))
        review.refresh_from_db(fields=["reply", "replied_at", "status", "moderation_reason"])
        return _render_review(request, review, form, status=refused.status)
    if review.is_published:
        messages.success(request, _("Your reply is saved: it shows under the review on the product's page."))
    else:
        messages.success(request, _("Your reply is saved: it shows once the district's officers publish the review."))
    return redirect(f"{_back_to_reviews(request)}#review-{review.pk}")


def _render_review(request, review, form, status):
    context = {"review": review, "form": form, "next": _back_to_reviews(request), "area_tab": "reviews"}
    return render(request, "producer_area/review.html", context, status=status)


# --- products -----------------------------------------------------------------------------


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
