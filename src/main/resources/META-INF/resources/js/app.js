// Progressive enhancement only: every page works without it. Marks the body as the design system expects and
// starts its components (error summary focus, conditional reveals, skip link).
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
