"""Cart, checkout, confirmation and lookup pages. The rules live in cart.py and services.py."""

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from catalogue.models import Product
from core.csrf import same_origin_post
from core.qr import qr_png
from showrooms.models import Showroom

from . import delivery, pickup, reviews, services
from .cart import Cart, CartError
from .forms import CheckoutForm, LookupForm, QuantityForm, ReviewForm
from .models import Order, Status, signature_from_name

TOKEN_KEY = "checkout_token"
DRAFT_KEY = "checkout_draft"
SEEN_KEY = "orders_seen"
# What the session keeps of a checkout that failed, to refill the form later.
DRAFT_FIELDS = [
    "name",
    "phone",
    "email",
    "fulfilment",
    "delivery_commune",
    "delivery_district",
    "address",
    "showroom",
    "payment",
    "note",
]


def _quote(lines, data, address_known=None):
    """The delivery fees for `lines` to the place in `data` (a form's data or initial, a
    draft). Without a place chosen, the cart shows each producer's lowest fee."""
    district_id, commune_id = delivery.place_ids(data)
    if address_known is None:
        address_known = bool(district_id or commune_id)
    return delivery.quote(
        lines,
        fulfilment=data.get("fulfilment") or "delivery",
        district_id=district_id,
        commune_id=commune_id,
        address_known=address_known,
    )


def _back_url(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _render_cart(request, cart, status=200, error=None):
    lines = cart.lines()
    if error:
        messages.error(request, error)
    quote = _quote(lines, request.session.get(DRAFT_KEY, {}))
    return render(
        request,
        "orders/cart.html",
        {
            "lines": lines,
            "quote": quote,
            "total": quote.total,
            "has_problems": any(line.problem for line in lines),
            "continue_url": _back_url(request, reverse("catalogue:product_list")),
        },
        status=status,
    )


@never_cache
def cart_detail(request):
    return _render_cart(request, Cart(request.session))


# Posted from product cards and pages that are cached whole for visitors without a
# session, so they carry no token: the browser's Origin stands in for it (core/csrf.py).
@same_origin_post
@require_POST
def cart_add(request, product_id):
    # An unpublished product answers as an unknown id: the error must not name it.
    product = get_object_or_404(Product.objects.published(), pk=product_id)
    cart = Cart(request.session)
    form = QuantityForm(request.POST or {"quantity": 1})
    if not form.is_valid() or form.cleaned_data["quantity"] < 1:
        error = form.errors.get("quantity", [_("Enter a quantity of at least 1.")])[0]
        return _render_cart(request, cart, status=400, error=error)
    try:
        cart.add(product, form.cleaned_data["quantity"])
    except CartError as refused:
        return _render_cart(request, cart, status=409, error=str(refused))
    messages.success(request, _("“%(name)s” is in your cart.") % {"name": product.name})
    return redirect(_back_url(request, product.get_absolute_url()))


@require_POST
def cart_update(request, product_id):
    cart = Cart(request.session)
    # As cart_add: an unpublished product answers like an unknown id, never by name.
    product = get_object_or_404(Product.objects.published(), pk=product_id)
    form = QuantityForm(request.POST)
    if not form.is_valid():
        return _render_cart(request, cart, status=400, error=form.errors["quantity"][0])
    try:
        cart.set(product, form.cleaned_data["quantity"])
    except CartError as refused:
        return _render_cart(request, cart, status=409, error=str(refused))
    return redirect("orders:cart")


@require_POST
def cart_remove(request, product_id):
    Cart(request.session).remove(product_id)
    return redirect("orders:cart")


def _checkout_token(request):
    """One token per checkout: kept in the session until an order is placed with it."""
    if TOKEN_KEY not in request.session:
        request.session[TOKEN_KEY] = str(uuid.uuid4())
    return request.session[TOKEN_KEY]


def _remember_order(request, order):
    seen = request.session.get(SEEN_KEY, [])
    if order.code not in seen:
        request.session[SEEN_KEY] = (seen + [order.code])[-20:]


@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.ORDERS_CHECKOUT_RATE, method="POST", block=False)
def checkout(request):
    cart = Cart(request.session)
    lines = cart.lines()
    if request.method == "POST":
        return _place(request, cart, lines)
    if not lines:
        messages.info(request, _("Your cart is empty."))
        return redirect("orders:cart")
    return _render_checkout(request, _fresh_checkout_form(request, lines), lines)


def _fresh_checkout_form(request, lines):
    """The checkout form as first shown: refilled from the draft of an earlier attempt."""
    initial = {**request.session.get(DRAFT_KEY, {}), "token": _checkout_token(request)}
    initial.setdefault("fulfilment", "delivery")
    initial.setdefault("payment", "cash")
    return CheckoutForm(initial=initial, cart_lines=lines)


@require_POST
def pickup_part(request):
    """Pick up at one showroom what it stocks: take the rest out of the cart.

    Posted by the checkout form's "pick up here" buttons (see orders/pickup.py) when no
    showroom stocks the whole cart. What the shopper typed is kept as the draft.
    """
    cart = Cart(request.session)
    lines = cart.lines()
    if not lines:
        messages.info(request, _("Your cart is empty."))
        return redirect("orders:cart")
    showroom = _showroom_or_none(request.POST.get("pickup_at"))
    if showroom is None:
        return _render_checkout(
            request,
            _fresh_checkout_form(request, lines),
            lines,
            status=400,
            error=_("Choose one of the showrooms listed for pickup."),
        )
    lacking = set(pickup.lacking_at(showroom, [line.product.pk for line in lines]))
    if len(lacking) == len(lines):
        return _render_checkout(
            request,
            _fresh_checkout_form(request, lines),
            lines,
            status=400,
            error=_("%(showroom)s stocks none of the items in your cart.") % {"showroom": showroom.name},
        )
    removed = [line.product for line in lines if line.product.pk in lacking]
    for product in removed:
        cart.remove(product)
    _save_draft(request, {**request.POST.dict(), "fulfilment": "pickup", "showroom": str(showroom.pk)})
    messages.info(
        request,
        _(
            "%(names)s removed from your cart. Pick up the rest at %(showroom)s, and order the removed "
            "items separately for delivery."
        )
        % {"names": ", ".join(f"“{product.name}”" for product in removed), "showroom": showroom.name},
    )
    return redirect("orders:checkout")


def _showroom_or_none(value):
    value = str(value or "")
    if not (value.isascii() and value.isdigit() and len(value) <= 12):
        return None
    return Showroom.objects.active().filter(pk=int(value)).first()


@never_cache
@require_POST
def checkout_recalculate(request):
    """The checkout form posted by its "Recalculate the delivery fee" button (formaction):
    the fees for the place chosen, nothing checked or placed, the form back as typed.

    A view of its own, outside the checkout's rate limit: a shopper trying places (the
    JavaScript presses the button on every change) must not be locked out of ordering.
    """
    cart = Cart(request.session)
    lines = cart.lines()
    if not lines:
        messages.info(request, _("Your cart is empty."))
        return redirect("orders:cart")
    _save_draft(request, request.POST)
    form = CheckoutForm(
        initial={**request.POST.dict(), "token": _token_from(request) or _checkout_token(request)},
        cart_lines=lines,
    )
    return _render_checkout(request, form, lines)


def _render_checkout(request, form, lines, status=200, error=None):
    # The fees for the place in the form as it is shown; the hidden fields carry them, so
    # placing the order charges what this page says or asks again (services.place_order).
    shown = form.data if form.is_bound else form.initial
    quote = _quote(lines, shown, address_known=True)
    hidden = {"expected_total": quote.total, "expected_delivery": quote.signature}
    if form.is_bound:
        form.data = form.data.copy()
        for key, value in hidden.items():
            form.data[key] = str(value)
    else:
        form.initial.update(hidden)
    return render(
        request,
        "orders/checkout.html",
        {
            "form": form,
            "lines": lines,
            "quote": quote,
            "total": quote.total,
            "error": error,
            "has_problems": any(line.problem for line in lines),
        },
        status=status,
    )


def _place(request, cart, lines):
    # A resubmit of a form that already placed its order shows that order, cart or no cart.
    existing = Order.objects.filter(token=_token_from(request)).first()
    if existing is not None:
        _remember_order(request, existing)
        return redirect(existing)
    form = CheckoutForm(request.POST, cart_lines=lines)
    if getattr(request, "limited", False):
        return _render_checkout(
            request,
            form,
            lines,
            status=429,
            error=_("Too many attempts from your connection. Wait a minute, then place the order again."),
        )
    if not lines:
        messages.info(request, _("Your cart is empty."))
        return redirect("orders:cart")
    if not form.is_valid():
        _save_draft(request, form.data)
        return _render_checkout(request, form, lines, status=400)
    data = form.cleaned_data
    try:
        placed = services.place_order(
            token=data["token"],
            items={line.product.pk: line.quantity for line in lines},
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            fulfilment=data["fulfilment"],
            address=data["address"],
            delivery_district=data["delivery_district"],
            delivery_commune=data["delivery_commune"],
            showroom=data["showroom"],
            payment=data["payment"],
            note=data["note"],
            expected_total=data["expected_total"],
            # Empty only from a form this site did not render: the total still guards it.
            expected_delivery=data["expected_delivery"] or None,
            language=get_language() or settings.LANGUAGE_CODE,
        )
    except services.OrderError as refused:
        _save_draft(request, form.data)
        lines = cart.lines()  # fresh stock and prices for the page
        if isinstance(refused, services.PriceChanged):
            form = CheckoutForm(
                data={**request.POST.dict(), "expected_total": refused.total, "expected_delivery": refused.delivery},
                cart_lines=lines,
            )
            form.is_valid()
        return _render_checkout(request, form, lines, status=409, error=str(refused))

    order = placed.order
    _remember_order(request, order)
    if placed.created:
        cart.clear()
        request.session.pop(TOKEN_KEY, None)
        request.session.pop(DRAFT_KEY, None)
        messages.success(request, _("Thank you! Your order %(code)s is placed.") % {"code": order.code})
    return redirect(order)


def _token_from(request):
    try:
        return uuid.UUID(request.POST.get("token", ""))
    except ValueError:
        return None


def _save_draft(request, data):
    request.session[DRAFT_KEY] = {field: str(data.get(field, ""))[:1000] for field in DRAFT_FIELDS if data.get(field)}


@never_cache
def order_detail(request, code):
    """The confirmation and status page; only for the session that placed or looked it up.

    An order code alone is not enough to see a name, phone and address: codes get
    forwarded and read out. Others are sent to the lookup form (code + phone).
    """
    if code not in request.session.get(SEEN_KEY, []):
        return redirect(f"{reverse('orders:lookup')}?{urlencode({'code': code[:20]})}")
    order = get_object_or_404(Order.objects.for_detail().with_reviews(), code=code)
    return _render_order(request, order)


def _review_prefix(part_id, product_id):
    return f"review-{part_id}-{product_id}"


def _render_order(request, order, status=200, bound=None, error=None):
    """The order page; each completed part lists its products with their review or a
    form for one (`bound`: the form just posted, shown with its errors)."""
    parts = list(order.parts.all())
    for part in parts:
        part.review_rows = []
        if part.status != Status.COMPLETED:
            continue
        written = {review.product_id: review for review in part.reviews.all()}
        for line in part.lines.all():
            review = written.get(line.product_id)
            form = None
            if review is None:
                prefix = _review_prefix(part.pk, line.product_id)
                if bound is not None and bound.prefix == prefix:
                    form = bound
                else:
                    form = ReviewForm(prefix=prefix, initial={"display_name": signature_from_name(order.name)})
            part.review_rows.append((line, review, form))
    return render(
        request,
        "orders/order_detail.html",
        {"order": order, "parts": parts, "review_error": error},
        status=status,
    )


@never_cache
@require_POST
@ratelimit(key="ip", rate=lambda group, request: settings.ORDERS_REVIEW_RATE, method="POST", block=False)
def review_create(request, code, part_id, product_id):
    """A buyer's review of one product of a completed part of an order in their session.

    The same rule as the order page: only an order this session placed or looked up (code
    and phone). Every refusal says why, with its status, and saves nothing.
    """
    if code not in request.session.get(SEEN_KEY, []):
        form = LookupForm(initial={"code": code[:20]})
        error = _("Open your order with its code and phone number first, then write your review.")
        return render(request, "orders/lookup.html", {"form": form, "error": error}, status=403)
    order = get_object_or_404(Order.objects.for_detail().with_reviews(), code=code)
    part = next((part for part in order.parts.all() if part.pk == part_id), None)
    if part is None:
        return _render_order(request, order, status=404, error=_("This order has no such part."))
    if getattr(request, "limited", False):
        error = _("Too many attempts from your connection. Wait a minute and try again.")
        return _render_order(request, order, status=429, error=error)
    try:
        reviews.check_may_review(part, product_id)
    except reviews.ReviewRefused as refused:
        return _render_order(request, order, status=refused.status, error=str(refused))
    form = ReviewForm(request.POST, request.FILES, prefix=_review_prefix(part.pk, product_id))
    if not form.is_valid():
        return _render_order(request, order, status=400, bound=form, error=_("Check your review below."))
    data = form.cleaned_data
    try:
        reviews.write_review(
            part=part,
            product_id=product_id,
            stars=data["stars"],
            text=data["text"],
            display_name=data["display_name"],
            photo=data.get("photo"),
        )
    except reviews.ReviewRefused as refused:
        return _render_order(request, order, status=refused.status, error=str(refused))
    messages.success(request, _("Thank you! Your review will appear once it has been checked."))
    return redirect(order)


@never_cache
def vietqr_png(request, code, part_id):
    """The VietQR code for paying one part of an order, as a PNG a phone can save.

    The same rule as the order page (a code this session placed or looked up), but an
    image cannot be redirected to the lookup form: anything else is a 404, whether the
    order exists or not, so ids and codes cannot be probed. A part with nothing left to
    pay by QR (no bank BIN, paid, closed) is a 404 too.
    """
    if code not in request.session.get(SEEN_KEY, []):
        raise Http404
    order = get_object_or_404(Order.objects.for_detail(), code=code)
    part = next((part for part in order.parts.all() if part.pk == part_id), None)
    payload = part.vietqr_payload() if part is not None else None
    if payload is None:
        raise Http404
    response = HttpResponse(qr_png(payload), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{part.vietqr_filename}"'
    return response


@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.ORDERS_LOOKUP_RATE, method="POST", block=False)
def lookup(request):
    if request.method != "POST":
        form = LookupForm(initial={"code": request.GET.get("code", "")[:20]})
        return render(request, "orders/lookup.html", {"form": form})
    form = LookupForm(request.POST)
    if getattr(request, "limited", False):
        return render(
            request,
            "orders/lookup.html",
            {"form": form, "error": _("Too many attempts from your connection. Wait a minute and try again.")},
            status=429,
        )
    if not form.is_valid():
        return render(request, "orders/lookup.html", {"form": form}, status=400)
    order = Order.objects.for_lookup(form.cleaned_data["code"], form.cleaned_data["phone"]).first()
    if order is None:
        return render(
            request,
            "orders/lookup.html",
            {"form": form, "error": _("No order has this code and phone number. Check both and try again.")},
            status=404,
        )
    _remember_order(request, order)
    return redirect(order)


REVIEWS_PER_PAGE = 10


def product_reviews(request, slug):
    """All published reviews of a product, newest first, 10 a page (the product page shows
    the first ones and links here)."""
    product = get_object_or_404(Product.objects.published(), slug=slug)
    paginator = Paginator(product.reviews.published(), REVIEWS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {"product": product, "page_obj": page, "paginator": paginator, "is_paginated": page.has_other_pages()}
    return render(request, "orders/product_reviews.html", context)
